/**
 * Checks ids that become file names in the app-data folder (draft ids, snapshot names), so no
 * request can reach outside it.
 */
import { HostErrorCode } from '../../ipc/contract'
import { hostError } from '../../ipc/studio-error'

const SAFE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/

/** Returns `id` when it is safe as a file name, else throws `BAD_REQUEST`. */
export function safeFileId(id: string, what: string): string {
  if (!SAFE.test(id) || id.includes('..')) {
    throw hostError(
      HostErrorCode.BAD_REQUEST,
      `${what} must be letters, digits, '.', '_' or '-': ${id.slice(0, 60)}`,
    )
  }
  return id
}
