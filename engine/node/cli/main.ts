/**
 * Process entry of the `routilux` command (bin/routilux.mjs imports this): wires argv, the standard
 * streams and Ctrl-C to `runCli`, then sets the exit code. Everything a command starts is released
 * before `runCli` returns, so the process ends on its own; a last-resort timer (which does not keep
 * the process alive) forces the exit if a library leaks a handle.
 */
import { runCli } from './cli'

const controller = new AbortController()
process.once('SIGINT', () => controller.abort())
// A reader that stops early (`routilux run … | head`) closes the pipe: end quietly, as Unix tools
// do, rather than with an unhandled EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit(process.exitCode ?? 0)
  })
}

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    signal: controller.signal,
  })
} catch (error) {
  process.stderr.write(
    `routilux: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exitCode = 1
}
// ROUTILUX_NO_FORCED_EXIT lets tests see a leaked handle as a hang instead of hiding it.
if (!process.env.ROUTILUX_NO_FORCED_EXIT) setTimeout(() => process.exit(), 3000).unref()
