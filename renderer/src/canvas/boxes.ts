/** Boxes (position and size) of routines and notes, computed from the document without the DOM. */
import type { FlowDocument } from '../../../engine/document/types'
import type { RoutineTypeDescriptor } from '../../../engine/routines/descriptor'
import type { Box } from '../document/align'
import { NODE_WIDTH, routineNodeHeight } from './node-geometry'
import { portViews, type ReferencedPorts, referencedPorts } from './ports'

/** Boxes of the given routines and notes, in that order; unknown ids are skipped. */
export function itemBoxes(
  doc: FlowDocument,
  descriptors: ReadonlyMap<string, RoutineTypeDescriptor>,
  routineIds: Iterable<string>,
  noteIds: Iterable<string> = [],
  referenced: ReferencedPorts = referencedPorts(doc.connections),
): { routines: Box[]; notes: Box[] } {
  const byId = new Map(doc.routines.map((r) => [r.id, r]))
  const routines: Box[] = []
  for (const id of routineIds) {
    const routine = byId.get(id)
    if (!routine) continue
    const ports = portViews(routine, descriptors.get(routine.type), referenced)
    const p = doc.layout.positions[id] ?? { x: 0, y: 0 }
    routines.push({
      id,
      x: p.x,
      y: p.y,
      width: NODE_WIDTH,
      height: routineNodeHeight(ports.slots.length, ports.events.length),
    })
  }
  const noteSet = new Set(noteIds)
  const notes = doc.notes
    .filter((n) => noteSet.has(n.id))
    .map((n) => ({ id: n.id, x: n.x, y: n.y, width: n.width, height: n.height }))
  return { routines, notes }
}

const FREE_STEP = 24
const FREE_TRIES = 60

/** `desired`, or the nearest spot below-right of it where a box of `size` overlaps no routine. */
export function freePosition(
  doc: FlowDocument,
  descriptors: ReadonlyMap<string, RoutineTypeDescriptor>,
  desired: { x: number; y: number },
  size: { width: number; height: number },
): { x: number; y: number } {
  const { routines } = itemBoxes(
    doc,
    descriptors,
    doc.routines.map((r) => r.id),
  )
  const overlaps = (x: number, y: number) =>
    routines.some(
      (b) => x < b.x + b.width && x + size.width > b.x && y < b.y + b.height && y + size.height > b.y,
    )
  for (let i = 0; i < FREE_TRIES; i++) {
    const x = desired.x + i * FREE_STEP
    const y = desired.y + i * FREE_STEP
    if (!overlaps(x, y)) return { x, y }
  }
  return desired
}
