/** Routine, connection and note ids: validity, derivation from a type and collision-free renaming. */
import type { ConnectionSpec } from '../../../engine/document/types'

const ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]*$/
export const MAX_ID_LENGTH = 64

/** Why an id cannot be used, or undefined when it can. */
export function idError(id: string, taken: (id: string) => boolean): string | undefined {
  if (id.length === 0) return 'The id must not be empty.'
  if (id.length > MAX_ID_LENGTH) return `The id must be at most ${MAX_ID_LENGTH} characters.`
  if (!ID_PATTERN.test(id)) return 'Use letters, digits, "_", "-" or "." and start with a letter or "_".'
  if (taken(id)) return `The id "${id}" is already used in this flow.`
  return undefined
}

/** A readable id stem for a routine of `type`: `text.clipper` → `clipper`. */
export function baseIdForType(type: string): string {
  const last = type.split('.').pop() ?? type
  const cleaned = last.replace(/[^A-Za-z0-9_]/g, '_').replace(/^([^A-Za-z_])/, '_$1')
  return cleaned.length > 0 ? cleaned.slice(0, MAX_ID_LENGTH - 4) : 'routine'
}

/** `base` if free, otherwise `base_2`, `base_3`… (an existing numeric suffix is continued). */
export function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base
  const match = /^(.*)_(\d+)$/.exec(base)
  const stem = match?.[1] ?? base
  let n = match?.[2] ? Number(match[2]) + 1 : 2
  while (taken(`${stem}_${n}`)) n += 1
  return `${stem}_${n}`
}

/** The id the editor gives a connection: readable and unique because duplicates are refused. */
export function connectionIdFor(source: ConnectionSpec['source'], target: ConnectionSpec['target']): string {
  return `${source.routine}.${source.event}->${target.routine}.${target.slot}`
}
