/**
 * The engine's coded errors. Codes are stable: tests, documents and the UI rely on them.
 */
import type { ErrorInfo, Payload } from './types'

/** Every error code the engine raises. */
export const ErrorCode = {
  UNKNOWN_ROUTINE: 'UNKNOWN_ROUTINE',
  UNKNOWN_EVENT: 'UNKNOWN_EVENT',
  UNKNOWN_SLOT: 'UNKNOWN_SLOT',
  DUPLICATE_ROUTINE: 'DUPLICATE_ROUTINE',
  DUPLICATE_SLOT: 'DUPLICATE_SLOT',
  DUPLICATE_EVENT: 'DUPLICATE_EVENT',
  DUPLICATE_CONNECTION: 'DUPLICATE_CONNECTION',
  UNKNOWN_CONNECTION: 'UNKNOWN_CONNECTION',
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  HANDLER_ERROR: 'HANDLER_ERROR',
  HANDLER_TIMEOUT: 'HANDLER_TIMEOUT',
  JOB_TIMEOUT: 'JOB_TIMEOUT',
  JOB_CANCELLED: 'JOB_CANCELLED',
  INVALID_SNAPSHOT: 'INVALID_SNAPSHOT',
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  INVALID_STATE: 'INVALID_STATE',
  DUPLICATE_TYPE: 'DUPLICATE_TYPE',
  UNKNOWN_TYPE: 'UNKNOWN_TYPE',
  INVALID_CONFIG: 'INVALID_CONFIG',
  EXPRESSION_ERROR: 'EXPRESSION_ERROR',
  SCRIPT_ERROR: 'SCRIPT_ERROR',
  SCRIPT_SYNTAX_ERROR: 'SCRIPT_SYNTAX_ERROR',
  PLUGIN_ERROR: 'PLUGIN_ERROR',
} as const
/** One of the stable error codes. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode]

/** An error with a stable `code` and optional serialisable `details`. */
export class RoutiluxError extends Error {
  readonly code: string
  readonly details?: Payload

  constructor(code: string, message: string, details?: Payload, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'RoutiluxError'
    this.code = code
    if (details !== undefined) this.details = details
  }
}

/** True when `error` is a `RoutiluxError`, optionally with the given code. */
export function isRoutiluxError(error: unknown, code?: string): error is RoutiluxError {
  return error instanceof RoutiluxError && (code === undefined || error.code === code)
}

/**
 * Turns anything thrown into a serialisable `ErrorInfo`. Non-Routilux errors get `HANDLER_ERROR`
 * (or `fallbackCode`), keeping their original name and message.
 */
export function toErrorInfo(error: unknown, fallbackCode: string = ErrorCode.HANDLER_ERROR): ErrorInfo {
  if (error instanceof RoutiluxError) {
    return {
      code: error.code,
      message: error.message,
      name: error.name,
      ...(error.stack !== undefined && { stack: error.stack }),
      ...(error.details !== undefined && { details: error.details }),
    }
  }
  if (error instanceof Error) {
    return {
      code: fallbackCode,
      message: error.message,
      name: error.name,
      ...(error.stack !== undefined && { stack: error.stack }),
    }
  }
  return { code: fallbackCode, message: typeof error === 'string' ? error : safeString(error), name: 'Error' }
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'object' ? JSON.stringify(value) : String(value)
  } catch {
    return Object.prototype.toString.call(value)
  }
}
