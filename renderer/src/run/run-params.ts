/** Entry parameters typed by the user as JSON: parsed and checked before a run starts. */
import type { Payload } from '../../../engine/types'

export type ParamsResult =
  | { readonly ok: true; readonly params: Payload }
  | { readonly ok: false; readonly message: string }

/** Parses the params editor's text: empty means `{}`; anything but a JSON object is refused. */
export function parseRunParams(text: string): ParamsResult {
  if (text.trim() === '') return { ok: true, params: {} }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'Entry parameters must be a JSON object, e.g. {"text": "hello"}' }
  }
  return { ok: true, params: value as Payload }
}

/** Parses the max-workers field: empty means "the document's setting". */
export function parseMaxWorkers(
  text: string,
): { ok: true; value: number | null } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, value: null }
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1 || value > 1024)
    return { ok: false, message: 'Max workers must be a whole number from 1 to 1024' }
  return { ok: true, value }
}
