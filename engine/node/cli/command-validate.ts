/**
 * `routilux validate FILE [--json] [--verbose]`: load, build and analyse a flow file; exit 0 when it
 * has no errors, 1 otherwise. Problems print as `PATH: CODE message`.
 */
import { parseArgs } from 'node:util'
import { checkFile, countProblems, printProblems } from './check'
import { type CliIo, EXIT, UsageError } from './io'
import type { CliRuntime } from './runtime'

/** Usage text of `validate`. */
export const VALIDATE_USAGE = `Usage: routilux validate FILE [--json] [--verbose]

Checks a flow document (or a Python Routilux flow) and prints its problems as
PATH: CODE message. Exit 0 when it has no errors, 1 when it has.

  --json      print {file, valid, problems} as JSON
  --verbose   also print notes (unconnected ports, cycles, ...)`

/** Runs `validate`. */
export async function validateCommand(args: string[], io: CliIo, runtime: CliRuntime): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, verbose: { type: 'boolean' } },
  })
  const file = single(positionals)
  const checked = await checkFile(io, runtime, file)
  if (values.json) {
    io.stdout.write(
      `${JSON.stringify({ file, valid: checked.valid, problems: checked.problems }, null, 2)}\n`,
    )
  } else {
    printProblems(io, checked.problems, values.verbose === true)
    const counts = countProblems(checked.problems)
    io.stdout.write(`${file}: ${checked.valid ? 'valid' : 'invalid'}${counts ? ` (${counts})` : ''}\n`)
  }
  return checked.valid ? EXIT.OK : EXIT.FAILED
}

/** The single FILE argument of a command. */
export function single(positionals: readonly string[]): string {
  if (positionals.length === 0) throw new UsageError('missing FILE')
  if (positionals.length > 1) throw new UsageError(`expected one FILE, got ${positionals.length}`)
  return positionals[0] as string
}
