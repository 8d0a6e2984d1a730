/**
 * Test support for the command line: runs `runCli` in-process with captured output, in a temporary
 * working directory, and writes flow files there.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { saveDocument } from '../../document/save'
import type { FlowDocument } from '../../document/types'
import { runCli } from './cli'

/** What one invocation printed and returned. */
export interface CliResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** A temporary directory plus helpers to run the command line in it. */
export class CliSandbox {
  readonly dir = mkdtempSync(join(tmpdir(), 'routilux-cli-'))

  /** Writes a document (or raw text) to `name` in the sandbox and returns the name. */
  write(name: string, content: FlowDocument | string): string {
    writeFileSync(join(this.dir, name), typeof content === 'string' ? content : saveDocument(content))
    return name
  }

  /** The absolute path of a sandbox file. */
  path(name: string): string {
    return join(this.dir, name)
  }

  /** Runs the command line with `argv`, capturing its output. */
  async run(argv: string[], options: { signal?: AbortSignal; tty?: boolean } = {}): Promise<CliResult> {
    let stdout = ''
    let stderr = ''
    const code = await runCli(argv, {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text), isTTY: options.tty === true },
      cwd: this.dir,
      ...(options.signal && { signal: options.signal }),
    })
    return { code, stdout, stderr }
  }

  /** Removes the sandbox. */
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}
