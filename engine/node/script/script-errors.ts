/**
 * Turns what a sandbox reports into coded errors with user-facing line numbers.
 */
import { ErrorCode, RoutiluxError } from '../../errors'

/** An error as the sandbox serialises it. */
export interface SandboxError {
  readonly name?: unknown
  readonly message?: unknown
  readonly stack?: unknown
}

/** `SCRIPT_ERROR` for a script that threw, with the line and column of the first script frame. */
export function scriptThrew(error: SandboxError): RoutiluxError {
  const name = typeof error.name === 'string' ? error.name : 'Error'
  const message = typeof error.message === 'string' ? error.message : String(error.message)
  const stack = typeof error.stack === 'string' ? error.stack : ''
  const frames = stack.split('\n').filter((line) => line.includes('script.js:'))
  const position = /script\.js:(\d+):(\d+)/.exec(frames[0] ?? '')
  const line = position ? Number(position[1]) : undefined
  const column = position ? Number(position[2]) : undefined
  const where = line === undefined ? '' : ` (line ${line}, column ${column})`
  return new RoutiluxError(ErrorCode.SCRIPT_ERROR, `${name}: ${message}${where}`, {
    name,
    message,
    ...(line !== undefined && { line, column }),
    ...(frames.length > 0 && { stack: frames.map((f) => f.trim()).join('\n') }),
  })
}

/** `HANDLER_TIMEOUT` for a script stopped at its time limit. */
export function scriptTimedOut(timeoutMs: number): RoutiluxError {
  return new RoutiluxError(
    ErrorCode.HANDLER_TIMEOUT,
    `script exceeded its time limit of ${timeoutMs} ms and was stopped`,
    {
      timeoutMs,
    },
  )
}

/** `SCRIPT_ERROR` for a sandbox that died (memory limit or crash). */
export function sandboxDied(error: unknown, memoryMb: number): RoutiluxError {
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new RoutiluxError(
      ErrorCode.SCRIPT_ERROR,
      `script exceeded its memory limit of ${memoryMb} MB and was stopped`,
      {
        reason: 'memory',
        memoryMb,
      },
    )
  }
  const message = error instanceof Error ? error.message : String(error)
  return new RoutiluxError(ErrorCode.SCRIPT_ERROR, `script sandbox stopped unexpectedly: ${message}`, {
    reason: 'crash',
  })
}
