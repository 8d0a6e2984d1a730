/**
 * Turns anything a handler throws into the plain, cloneable `StudioError` both transports carry.
 */
import { RoutiluxError } from '../../engine/errors'
import type { Payload } from '../../engine/types'
import type { StudioError } from './contract'
import { HostErrorCode } from './contract'

/** Creates a host error with one of the contract's codes. */
export function hostError(code: HostErrorCode, message: string, details?: Payload): RoutiluxError {
  return new RoutiluxError(code, message, details)
}

/** The `StudioError` for a thrown value: coded errors keep their code, others become `INTERNAL`. */
export function toStudioError(error: unknown): StudioError {
  if (error instanceof RoutiluxError) {
    const details = error.details === undefined ? undefined : plain(error.details)
    return { code: error.code, message: error.message, ...(details !== undefined && { details }) }
  }
  if (error instanceof Error) {
    const code = nodeErrorCode(error)
    if (code) return { code, message: error.message }
    return { code: HostErrorCode.INTERNAL, message: error.message }
  }
  return { code: HostErrorCode.INTERNAL, message: String(error) }
}

function nodeErrorCode(error: Error): HostErrorCode | undefined {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return HostErrorCode.NOT_FOUND
  if (code === 'EEXIST') return HostErrorCode.FILE_EXISTS
  if (typeof code === 'string' && code.startsWith('E')) return HostErrorCode.IO_ERROR
  return undefined
}

function plain(details: Payload): Payload | undefined {
  try {
    return JSON.parse(JSON.stringify(details)) as Payload
  } catch {
    return undefined
  }
}
