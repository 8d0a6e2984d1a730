/** Pure operations on flow-level fields (name, execution settings) and sticky notes. */
import type { ExecutionSpec, FlowDocument, NoteSpec, Point } from '../../../engine/document/types'
import { uniqueId } from './ids'
import { roundPoint } from './routine-ops'

/** Replaces the execution settings (mode, workers, error handler, history, timeouts). */
export function setExecution(doc: FlowDocument, execution: ExecutionSpec): FlowDocument {
  return doc.execution === execution ? doc : { ...doc, execution }
}

/** Renames the flow or changes its description. */
export function setFlowInfo(
  doc: FlowDocument,
  info: Partial<Pick<FlowDocument, 'name' | 'description'>>,
): FlowDocument {
  const name = info.name ?? doc.name
  const description = info.description ?? doc.description
  return name === doc.name && description === doc.description ? doc : { ...doc, name, description }
}

export const NOTE_SIZE = { width: 220, height: 120 } as const

/** Adds a sticky note at `position` and returns the new document and the note's id. */
export function addNote(
  doc: FlowDocument,
  position: Point,
  text = '',
  color?: string,
): { doc: FlowDocument; id: string } {
  const taken = new Set(doc.notes.map((n) => n.id))
  const id = uniqueId('note', (x) => taken.has(x))
  const note: NoteSpec = { id, text, ...roundPoint(position), ...NOTE_SIZE }
  if (color !== undefined) note.color = color
  return { doc: { ...doc, notes: [...doc.notes, note] }, id }
}

/** Changes a note's text, size or colour. */
export function updateNote(
  doc: FlowDocument,
  id: string,
  patch: Partial<Pick<NoteSpec, 'text' | 'width' | 'height' | 'color' | 'x' | 'y'>>,
): FlowDocument {
  const index = doc.notes.findIndex((n) => n.id === id)
  const note = doc.notes[index]
  if (!note) return doc
  const next = { ...note, ...patch }
  if ((Object.keys(patch) as (keyof typeof patch)[]).every((k) => note[k] === next[k])) return doc
  const notes = [...doc.notes]
  notes[index] = next
  return { ...doc, notes }
}
