/**
 * The one runtime check of what counts as a payload (and as a JSON object generally): a plain
 * object, not an array, not null.
 */
import type { Payload } from './types'

/** True for an object that is not an array and not null. */
export function isRecord(value: unknown): value is Payload {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
