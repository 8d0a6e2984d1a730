/**
 * A direct check of the flow document schema (schema.ts) for the common case: a valid document is
 * confirmed here in a fraction of the time the generic validator takes, and anything this check
 * rejects goes on to the generic validator, which reports the problems with paths. It must never
 * accept what the schema rejects; schema-fast.test.ts and the fuzz test compare the two verdicts.
 */
import { flowDocumentSchema, MAX_ID_LENGTH } from './schema'

const MAX_TIMER_MS = 2_147_483_647
const MAX_COORDINATE = 1e9
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype'])
const STRATEGIES = new Set(['stop', 'continue', 'retry', 'skip'])

type Obj = Record<string, unknown>

/** True when `value` certainly satisfies the flow document schema. */
export function fastSchemaCheck(value: unknown): boolean {
  if (!isObj(value) || !keysIn(value, TOP)) return false
  if (!has(value, 'format', 'version', 'id', 'routines', 'connections')) return false
  if (value.$schema !== undefined && !str(value.$schema, 0, 2048)) return false
  if (value.format !== 'routilux-flow' || value.version !== 1 || !id(value.id)) return false
  if (value.name !== undefined && !str(value.name, 0, 500)) return false
  if (value.description !== undefined && !str(value.description, 0, 100_000)) return false
  if (value.execution !== undefined && !execution(value.execution)) return false
  if (!list(value.routines, 10_000, routine)) return false
  if (!list(value.connections, 100_000, connection)) return false
  if (value.layout !== undefined && !layout(value.layout)) return false
  if (value.notes !== undefined && !list(value.notes, 10_000, note)) return false
  return true
}

/** The keys an object of the schema may have, read from its `properties` so the two cannot drift apart. */
function keysOf(properties: object): ReadonlySet<string> {
  return new Set(Object.keys(properties))
}

const defs = flowDocumentSchema.$defs
const TOP = keysOf(flowDocumentSchema.properties)
const HANDLER = keysOf(defs.errorHandler.properties)
const EXECUTION = keysOf(defs.execution.properties)
const HISTORY = keysOf(defs.execution.properties.history.properties)
const ROUTINE = keysOf(defs.routine.properties)
const CONNECTION = keysOf(defs.connection.properties)
const SOURCE = keysOf(defs.connection.properties.source.properties)
const TARGET = keysOf(defs.connection.properties.target.properties)
const POINT = keysOf(defs.point.properties)
const LAYOUT = keysOf(defs.layout.properties)
const VIEWPORT = keysOf(defs.layout.properties.viewport.properties)
const NOTE = keysOf(defs.note.properties)

function errorHandler(v: unknown): boolean {
  if (!isObj(v) || !keysIn(v, HANDLER) || !has(v, 'strategy')) return false
  if (typeof v.strategy !== 'string' || !STRATEGIES.has(v.strategy)) return false
  if (v.maxRetries !== undefined && !int(v.maxRetries, 0, 1000)) return false
  if (v.retryDelayMs !== undefined && !num(v.retryDelayMs, 0, MAX_TIMER_MS)) return false
  if (v.retryBackoff !== undefined && !(num(v.retryBackoff, 0, 1000) && (v.retryBackoff as number) > 0))
    return false
  if (v.isCritical !== undefined && typeof v.isCritical !== 'boolean') return false
  if (v.retryOn !== undefined && !list(v.retryOn, 100, (c) => str(c, 1, MAX_ID_LENGTH))) return false
  return true
}

function execution(v: unknown): boolean {
  if (!isObj(v) || !keysIn(v, EXECUTION) || !has(v, 'mode')) return false
  if (v.mode !== 'sequential' && v.mode !== 'concurrent') return false
  if (v.maxWorkers !== undefined && !int(v.maxWorkers, 1, 1024)) return false
  if (v.errorHandler !== undefined && !errorHandler(v.errorHandler)) return false
  if (v.history !== undefined) {
    const h = v.history
    if (!isObj(h) || !keysIn(h, HISTORY)) return false
    if (h.maxSize !== undefined && !int(h.maxSize, 0, 10_000_000)) return false
    if (h.ttlMs !== undefined && !num(h.ttlMs, 0, 1e15)) return false
  }
  for (const key of ['handlerTimeoutMs', 'timeoutMs'] as const) {
    const t = v[key]
    if (t !== undefined && !(num(t, 0, MAX_TIMER_MS) && (t as number) > 0)) return false
  }
  return true
}

function routine(v: unknown): boolean {
  if (!isObj(v) || !keysIn(v, ROUTINE) || !has(v, 'id', 'type', 'config')) return false
  if (!id(v.id) || !str(v.type, 1, MAX_ID_LENGTH) || !isObj(v.config)) return false
  if (v.typeVersion !== undefined && !int(v.typeVersion, 1, 1_000_000)) return false
  if (v.title !== undefined && !str(v.title, 0, 500)) return false
  if (v.description !== undefined && !str(v.description, 0, 100_000)) return false
  if (v.errorHandler !== undefined && !errorHandler(v.errorHandler)) return false
  if (v.merge !== undefined) {
    if (!isObj(v.merge)) return false
    for (const [slot, kind] of Object.entries(v.merge)) {
      if (!id(slot) || (kind !== 'override' && kind !== 'append')) return false
    }
  }
  return true
}

function connection(v: unknown): boolean {
  if (!isObj(v) || !keysIn(v, CONNECTION) || !has(v, 'id', 'source', 'target') || !id(v.id)) return false
  const s = v.source
  const t = v.target
  return (
    isObj(s) &&
    keysIn(s, SOURCE) &&
    id(s.routine) &&
    id(s.event) &&
    isObj(t) &&
    keysIn(t, TARGET) &&
    id(t.routine) &&
    id(t.slot)
  )
}

function layout(v: unknown): boolean {
  if (!isObj(v) || !keysIn(v, LAYOUT) || !has(v, 'positions') || !isObj(v.positions)) return false
  for (const [key, p] of Object.entries(v.positions)) {
    if (!id(key) || !isObj(p) || !keysIn(p, POINT) || !has(p, 'x', 'y')) return false
    if (!coordinate(p.x) || !coordinate(p.y)) return false
  }
  if (v.viewport !== undefined) {
    const w = v.viewport
    if (!isObj(w) || !keysIn(w, VIEWPORT) || !has(w, 'x', 'y', 'zoom')) return false
    if (!coordinate(w.x) || !coordinate(w.y) || !(num(w.zoom, 0, 100) && (w.zoom as number) > 0)) return false
  }
  return true
}

function note(v: unknown): boolean {
  if (!isObj(v) || !keysIn(v, NOTE) || !has(v, 'id', 'text', 'x', 'y', 'width', 'height')) return false
  if (!id(v.id) || !str(v.text, 0, 100_000) || !coordinate(v.x) || !coordinate(v.y)) return false
  if (!num(v.width, 0, MAX_COORDINATE) || !num(v.height, 0, MAX_COORDINATE)) return false
  return v.color === undefined || str(v.color, 0, 100)
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function has(v: Obj, ...keys: string[]): boolean {
  return keys.every((k) => v[k] !== undefined && Object.hasOwn(v, k))
}

function keysIn(v: Obj, allowed: ReadonlySet<string>): boolean {
  for (const key in v) if (!allowed.has(key)) return false
  return true
}

function list(v: unknown, max: number, item: (x: unknown) => boolean): boolean {
  if (!Array.isArray(v) || v.length > max) return false
  for (const x of v) if (!item(x)) return false
  return true
}

/** String length in code points, as JSON Schema counts it; UTF-16 length is an upper bound. */
function str(v: unknown, min: number, max: number): boolean {
  if (typeof v !== 'string') return false
  if (v.length >= min && v.length <= max) return true
  const points = [...v].length
  return points >= min && points <= max
}

function id(v: unknown): boolean {
  return str(v, 1, MAX_ID_LENGTH) && !FORBIDDEN.has(v as string)
}

function num(v: unknown, min: number, max: number): boolean {
  return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max
}

function int(v: unknown, min: number, max: number): boolean {
  return num(v, min, max) && Number.isInteger(v)
}

function coordinate(v: unknown): boolean {
  return num(v, -MAX_COORDINATE, MAX_COORDINATE)
}
