/**
 * The `routilux` process: a reader that closes the pipe early (`routilux run … | head -1`) ends the
 * command quietly instead of crashing it with an EPIPE stack trace.
 */
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../../..')

describe('routilux process', () => {
  it('ends quietly when its output pipe is closed early', { timeout: 60_000 }, async () => {
    const child = spawn(
      process.execPath,
      ['bin/routilux.mjs', 'run', 'resources/examples/sensor-stream.routilux.json'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    // Read nothing and close our end at once, like `head` after its lines.
    child.stdout.destroy()
    const code = await new Promise<number | null>((done) => child.once('close', done))
    expect(stderr).not.toMatch(/EPIPE|Unhandled/)
    expect(code).toBe(0)
  })
})
