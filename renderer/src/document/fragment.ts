/**
 * Fragments: a self-contained piece of a flow (routines, their internal connections, positions and
 * notes) used by copy/paste and duplicate. On the system clipboard a fragment is plain JSON.
 */
import type {
  ConnectionSpec,
  FlowDocument,
  NoteSpec,
  Point,
  RoutineSpec,
} from '../../../engine/document/types'
import { baseIdForType, connectionIdFor, idError, uniqueId } from './ids'
import { roundPoint } from './routine-ops'

export const FRAGMENT_FORMAT = 'routilux-fragment'
const FLOW_FORMAT = 'routilux-flow'

export interface Fragment {
  format: typeof FRAGMENT_FORMAT
  version: 1
  routines: RoutineSpec[]
  connections: ConnectionSpec[]
  positions: Record<string, Point>
  notes: NoteSpec[]
}

/** The selected routines and notes, with only the connections between selected routines. */
export function extractFragment(
  doc: FlowDocument,
  routineIds: Iterable<string>,
  noteIds: Iterable<string> = [],
): Fragment {
  const ids = new Set(routineIds)
  const noteSet = new Set(noteIds)
  const routines = doc.routines.filter((r) => ids.has(r.id))
  const positions: Record<string, Point> = {}
  for (const r of routines) positions[r.id] = doc.layout.positions[r.id] ?? { x: 0, y: 0 }
  return {
    format: FRAGMENT_FORMAT,
    version: 1,
    routines,
    connections: doc.connections.filter((c) => ids.has(c.source.routine) && ids.has(c.target.routine)),
    positions,
    notes: doc.notes.filter((n) => noteSet.has(n.id)),
  }
}

/** True when the fragment holds nothing. */
export function isEmptyFragment(fragment: Fragment): boolean {
  return fragment.routines.length === 0 && fragment.notes.length === 0
}

/** Clipboard text for a fragment. */
export function serializeFragment(fragment: Fragment): string {
  return JSON.stringify(fragment, null, 2)
}

/**
 * Reads clipboard text: a fragment, or a whole flow document (the text of a `.routilux.json` file
 * pastes its routines, connections and notes). Anything else gives `undefined`.
 */
export function parseFragment(text: string): Fragment | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (!isRecord(value) || value.version !== 1) return undefined
  if (value.format === FRAGMENT_FORMAT) return fragmentOf(value)
  if (value.format !== FLOW_FORMAT) return undefined
  const layout = isRecord(value.layout) ? value.layout : {}
  return fragmentOf({
    routines: value.routines,
    connections: value.connections,
    positions: layout.positions ?? {},
    notes: value.notes ?? [],
  })
}

function fragmentOf(value: Record<string, unknown>): Fragment | undefined {
  const { routines, connections, positions, notes } = value
  if (!Array.isArray(routines) || !routines.every(isRoutine)) return undefined
  if (!Array.isArray(connections) || !connections.every(isConnection)) return undefined
  if (!isRecord(positions) || !Object.values(positions).every(isPoint)) return undefined
  if (!Array.isArray(notes) || !notes.every(isNote)) return undefined
  return {
    format: FRAGMENT_FORMAT,
    version: 1,
    routines,
    connections,
    positions: positions as Record<string, Point>,
    notes,
  }
}

export interface InsertResult {
  doc: FlowDocument
  routineIds: string[]
  connectionIds: string[]
  noteIds: string[]
}

/**
 * Inserts a fragment so its top-left corner lands on `at`. Ids already used in the document are
 * renamed (`clipper` → `clipper_2`) and the fragment's connections follow the renames.
 */
export function insertFragment(doc: FlowDocument, fragment: Fragment, at: Point): InsertResult {
  const origin = fragmentOrigin(fragment)
  const dx = at.x - origin.x
  const dy = at.y - origin.y
  const routineTaken = new Set(doc.routines.map((r) => r.id))
  const renames = new Map<string, string>()
  const routines: RoutineSpec[] = []
  const positions = { ...doc.layout.positions }
  for (const routine of fragment.routines) {
    // Pasted text may come from anywhere: an id the format refuses is replaced by one from the type.
    const base = idError(routine.id, () => false) ? baseIdForType(routine.type) : routine.id
    const id = uniqueId(base, (x) => routineTaken.has(x))
    routineTaken.add(id)
    renames.set(routine.id, id)
    routines.push({ ...routine, id })
    const p = fragment.positions[routine.id] ?? origin
    positions[id] = roundPoint({ x: p.x + dx, y: p.y + dy })
  }
  const connectionTaken = new Set(doc.connections.map((c) => c.id))
  const connections: ConnectionSpec[] = []
  for (const c of fragment.connections) {
    const sourceId = renames.get(c.source.routine)
    const targetId = renames.get(c.target.routine)
    if (!sourceId || !targetId) continue
    const source = { routine: sourceId, event: c.source.event }
    const target = { routine: targetId, slot: c.target.slot }
    const wanted = c.id === connectionIdFor(c.source, c.target) ? connectionIdFor(source, target) : c.id
    const id = uniqueId(wanted, (x) => connectionTaken.has(x))
    connectionTaken.add(id)
    connections.push({ id, source, target })
  }
  const noteTaken = new Set(doc.notes.map((n) => n.id))
  const notes: NoteSpec[] = fragment.notes.map((n) => {
    const id = uniqueId(n.id, (x) => noteTaken.has(x))
    noteTaken.add(id)
    return { ...n, id, ...roundPoint({ x: n.x + dx, y: n.y + dy }) }
  })
  return {
    doc: {
      ...doc,
      routines: [...doc.routines, ...routines],
      connections: [...doc.connections, ...connections],
      notes: [...doc.notes, ...notes],
      layout: { ...doc.layout, positions },
    },
    routineIds: routines.map((r) => r.id),
    connectionIds: connections.map((c) => c.id),
    noteIds: notes.map((n) => n.id),
  }
}

/** Top-left corner of everything in the fragment. */
export function fragmentOrigin(fragment: Fragment): Point {
  const xs = [...Object.values(fragment.positions).map((p) => p.x), ...fragment.notes.map((n) => n.x)]
  const ys = [...Object.values(fragment.positions).map((p) => p.y), ...fragment.notes.map((n) => n.y)]
  return { x: xs.length > 0 ? Math.min(...xs) : 0, y: ys.length > 0 ? Math.min(...ys) : 0 }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isPoint(value: unknown): value is Point {
  return isRecord(value) && typeof value.x === 'number' && typeof value.y === 'number'
}

function isRoutine(value: unknown): value is RoutineSpec {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.type === 'string' &&
    isRecord(value.config)
  )
}

function isConnection(value: unknown): value is ConnectionSpec {
  if (!isRecord(value) || typeof value.id !== 'string') return false
  const { source, target } = value
  return (
    isRecord(source) &&
    isRecord(target) &&
    typeof source.routine === 'string' &&
    typeof source.event === 'string' &&
    typeof target.routine === 'string' &&
    typeof target.slot === 'string'
  )
}

function isNote(value: unknown): value is NoteSpec {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.text === 'string' &&
    isPoint(value) &&
    typeof value.width === 'number' &&
    typeof value.height === 'number'
  )
}
