/**
 * The canonical form of a document: only the keys the format defines, in a fixed order, so the same
 * flow always serialises to the same text. Free-form data (routine config) keeps its own key order,
 * which is the user's. Layout positions follow routine order; positions of missing routines are dropped.
 */
import type {
  ConnectionSpec,
  ErrorHandlerSpec,
  ExecutionSpec,
  FlowDocument,
  LayoutSpec,
  NoteSpec,
  Point,
  RoutineSpec,
} from './types'
import { DOCUMENT_FORMAT, DOCUMENT_VERSION } from './types'

/** Returns a canonical copy of `doc`: fixed key order, no unknown keys, no orphan positions. */
export function canonicalDocument(doc: FlowDocument): FlowDocument {
  const out = {} as FlowDocument
  if (doc.$schema !== undefined) out.$schema = doc.$schema
  out.format = DOCUMENT_FORMAT
  out.version = DOCUMENT_VERSION
  out.id = doc.id
  out.name = doc.name
  out.description = doc.description
  out.execution = canonicalExecution(doc.execution)
  out.routines = doc.routines.map(canonicalRoutine)
  out.connections = doc.connections.map(canonicalConnection)
  out.layout = canonicalLayout(doc.layout, doc.routines)
  out.notes = doc.notes.map(canonicalNote)
  return out
}

/** Copies into `out`, in the order of `keys`, the ones `source` defines (absent stays absent). */
function copyDefined<T extends object>(source: T, keys: readonly (keyof T)[], out: Partial<T>): void {
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key]
}

function canonicalExecution(e: ExecutionSpec): ExecutionSpec {
  const out: ExecutionSpec = { mode: e.mode }
  copyDefined(e, ['maxWorkers', 'handlerTimeoutMs', 'timeoutMs'], out)
  if (e.history !== undefined) {
    const history: NonNullable<ExecutionSpec['history']> = {}
    copyDefined(e.history, ['maxSize', 'ttlMs'], history)
    out.history = history
  }
  if (e.errorHandler !== undefined) out.errorHandler = canonicalErrorHandler(e.errorHandler)
  return out
}

function canonicalErrorHandler(h: ErrorHandlerSpec): ErrorHandlerSpec {
  const out: ErrorHandlerSpec = { strategy: h.strategy }
  copyDefined(h, ['maxRetries', 'retryDelayMs', 'retryBackoff', 'isCritical'], out)
  if (h.retryOn !== undefined) out.retryOn = [...h.retryOn]
  return out
}

function canonicalRoutine(r: RoutineSpec): RoutineSpec {
  const out = { id: r.id, type: r.type } as RoutineSpec
  copyDefined(r, ['typeVersion', 'title', 'description'], out)
  out.config = copyData(r.config) as RoutineSpec['config']
  if (r.merge !== undefined) {
    const merge = r.merge
    out.merge = Object.fromEntries(
      Object.keys(merge)
        .sort()
        .map((slot) => [slot, merge[slot]]),
    ) as Record<string, 'override' | 'append'>
  }
  if (r.errorHandler !== undefined) out.errorHandler = canonicalErrorHandler(r.errorHandler)
  return out
}

function canonicalConnection(c: ConnectionSpec): ConnectionSpec {
  return {
    id: c.id,
    source: { routine: c.source.routine, event: c.source.event },
    target: { routine: c.target.routine, slot: c.target.slot },
  }
}

function canonicalLayout(layout: LayoutSpec, routines: readonly RoutineSpec[]): LayoutSpec {
  const entries: [string, Point][] = []
  const seen = new Set<string>()
  for (const r of routines) {
    if (seen.has(r.id) || !Object.hasOwn(layout.positions, r.id)) continue
    seen.add(r.id)
    const p = layout.positions[r.id]
    if (p) entries.push([r.id, { x: p.x, y: p.y }])
  }
  // fromEntries defines own properties, so even a hostile id cannot reach the prototype.
  const out: LayoutSpec = { positions: Object.fromEntries(entries) }
  if (layout.viewport !== undefined) {
    out.viewport = { x: layout.viewport.x, y: layout.viewport.y, zoom: layout.viewport.zoom }
  }
  return out
}

function canonicalNote(n: NoteSpec): NoteSpec {
  const out: NoteSpec = { id: n.id, text: n.text, x: n.x, y: n.y, width: n.width, height: n.height }
  copyDefined(n, ['color'], out)
  return out
}

/** Deep-copies JSON data, keeping key order. */
function copyData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyData)
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyData(v)]))
  }
  return value
}
