/**
 * Routilux's input convention for built-ins: a handler gets the merged payload and reads "the
 * input" from it with one rule, so `emit('x', { data })`, `emit('x', { text })` and whole payloads
 * all work.
 */
import type { Payload } from '../../../types'

/**
 * The input value of a payload: its `data` key when present (and not null), else the single value
 * when there is exactly one key, else the whole payload (an empty payload gives `{}`).
 */
export function extractInput(payload: Payload): unknown {
  if (payload.data !== undefined && payload.data !== null) return payload.data
  const keys = Object.keys(payload)
  if (keys.length === 1) return payload[keys[0] as string]
  return payload
}

/** The payload without the given keys (used before `extractInput` when some keys are options). */
export function without(payload: Payload, ...keys: string[]): Payload {
  const rest: Payload = { ...payload }
  for (const key of keys) delete rest[key]
  return rest
}
