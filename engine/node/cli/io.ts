/**
 * What a command line command may touch: its output streams, the working directory and an abort
 * signal (Ctrl-C). Commands receive this instead of `process`, so tests run them in-process.
 */
import { readFile, stat, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { DEFAULT_LIMITS } from '../../document/guard'

/** An output stream: text in, and whether it is an interactive terminal. */
export interface CliStream {
  write(text: string): unknown
  readonly isTTY?: boolean
}

/** The environment of one command line invocation. */
export interface CliIo {
  readonly stdout: CliStream
  readonly stderr: CliStream
  readonly cwd: string
  /** Aborted when the user interrupts (Ctrl-C); `run` cancels its job. */
  readonly signal?: AbortSignal
}

/** Exit codes: success, findings or a failed run, bad usage or an unusable document. */
export const EXIT = { OK: 0, FAILED: 1, USAGE: 2 } as const

/** Bad arguments; the command prints the message and its usage, and exits with 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** Reads a flow file as text, refusing files above the document size limit before reading them. */
export async function readFlowFile(io: CliIo, file: string): Promise<string> {
  const path = resolve(io.cwd, file)
  let size: number
  try {
    size = (await stat(path)).size
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${reason(error)}`)
  }
  if (size > DEFAULT_LIMITS.maxLength * 4) {
    throw new UsageError(
      `${file} is ${size} bytes; flow documents are limited to ${DEFAULT_LIMITS.maxLength} characters`,
    )
  }
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${reason(error)}`)
  }
}

/** Refuses an output path that names the input file, which writing would destroy. */
export async function assertNotInput(io: CliIo, input: string, output: string | undefined): Promise<void> {
  if (output === undefined) return
  const [a, b] = [resolve(io.cwd, input), resolve(io.cwd, output)]
  const same =
    a === b ||
    (await Promise.all([stat(a), stat(b)]).then(
      ([x, y]) => x.ino === y.ino && x.dev === y.dev,
      // An output that does not exist yet cannot be the input.
      () => false,
    ))
  if (same) throw new UsageError(`${output} is the input file; writing it would replace the flow`)
}

/** Writes a text file relative to the working directory. */
export async function writeOutput(io: CliIo, file: string, text: string): Promise<void> {
  await writeFile(resolve(io.cwd, file), text, 'utf8')
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown })?.code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EISDIR') return 'it is a directory'
  return error instanceof Error ? error.message : String(error)
}
