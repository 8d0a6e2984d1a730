/** Pure operations on connections: event → slot only, duplicates refused. */
import type { ConnectionSpec, FlowDocument } from '../../../engine/document/types'
import { connectionIdFor, uniqueId } from './ids'

export type ConnectionEnds = Pick<ConnectionSpec, 'source' | 'target'>

/** True when the document already has a connection with these exact ends. */
export function hasConnection(doc: FlowDocument, ends: ConnectionEnds): boolean {
  return doc.connections.some((c) => sameEnds(c, ends))
}

/** Adds a connection; returns `doc` unchanged for a duplicate or an unknown routine. */
export function connect(doc: FlowDocument, ends: ConnectionEnds, id?: string): FlowDocument {
  if (hasConnection(doc, ends)) return doc
  const ids = new Set(doc.routines.map((r) => r.id))
  if (!ids.has(ends.source.routine) || !ids.has(ends.target.routine)) return doc
  const taken = new Set(doc.connections.map((c) => c.id))
  const connectionId = uniqueId(id ?? connectionIdFor(ends.source, ends.target), (x) => taken.has(x))
  const connection: ConnectionSpec = {
    id: connectionId,
    source: { routine: ends.source.routine, event: ends.source.event },
    target: { routine: ends.target.routine, slot: ends.target.slot },
  }
  return { ...doc, connections: [...doc.connections, connection] }
}

/** Moves one end of an existing connection (edge reconnect); refuses duplicates. */
export function reconnect(doc: FlowDocument, id: string, ends: ConnectionEnds): FlowDocument {
  const existing = doc.connections.find((c) => c.id === id)
  if (!existing || sameEnds(existing, ends) || hasConnection(doc, ends)) return doc
  const rest = { ...doc, connections: doc.connections.filter((c) => c.id !== id) }
  const keepId = existing.id !== connectionIdFor(existing.source, existing.target)
  return connect(rest, ends, keepId ? existing.id : undefined)
}

/** Removes routines (with their connections and positions), connections and notes by id. */
export function removeItems(
  doc: FlowDocument,
  items: { routines?: Iterable<string>; connections?: Iterable<string>; notes?: Iterable<string> },
): FlowDocument {
  const routines = new Set(items.routines ?? [])
  const connections = new Set(items.connections ?? [])
  const notes = new Set(items.notes ?? [])
  const keptRoutines = doc.routines.filter((r) => !routines.has(r.id))
  const keptConnections = doc.connections.filter(
    (c) => !connections.has(c.id) && !routines.has(c.source.routine) && !routines.has(c.target.routine),
  )
  const keptNotes = doc.notes.filter((n) => !notes.has(n.id))
  if (
    keptRoutines.length === doc.routines.length &&
    keptConnections.length === doc.connections.length &&
    keptNotes.length === doc.notes.length
  ) {
    return doc
  }
  let positions = doc.layout.positions
  if (keptRoutines.length !== doc.routines.length) {
    positions = { ...positions }
    for (const id of routines) delete positions[id]
  }
  return {
    ...doc,
    routines: keptRoutines,
    connections: keptConnections,
    notes: keptNotes,
    layout: { ...doc.layout, positions },
  }
}

function sameEnds(a: ConnectionEnds, b: ConnectionEnds): boolean {
  return (
    a.source.routine === b.source.routine &&
    a.source.event === b.source.event &&
    a.target.routine === b.target.routine &&
    a.target.slot === b.target.slot
  )
}
