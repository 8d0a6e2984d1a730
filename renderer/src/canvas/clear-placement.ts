/**
 * Moves a laid-out selection off the routines around it: auto-layout of part of a flow keeps the
 * selection's top-left corner, so its new, often larger, shape could land on top of others.
 */
import type { FlowDocument, Point } from '../../../engine/document/types'
import type { RoutineTypeDescriptor } from '../../../engine/routines/descriptor'
import type { Box } from '../document/align'
import { itemBoxes } from './boxes'

const GAP = 40
const MAX_STEPS = 500

/**
 * `positions` (the selection's new top-left corners) shifted as one block down or right, whichever is
 * shorter, so no box overlaps a routine outside it; the same object when nothing overlaps.
 */
export function clearOfOthers(
  doc: FlowDocument,
  descriptors: ReadonlyMap<string, RoutineTypeDescriptor>,
  positions: Readonly<Record<string, Point>>,
): Readonly<Record<string, Point>> {
  const ids = new Set(Object.keys(positions))
  const others = itemBoxes(
    doc,
    descriptors,
    doc.routines.map((r) => r.id).filter((id) => !ids.has(id)),
  ).routines
  const placed = { ...doc, layout: { ...doc.layout, positions: { ...doc.layout.positions, ...positions } } }
  const group = itemBoxes(placed, descriptors, ids).routines
  const down = clearance(group, others, 'y')
  const right = clearance(group, others, 'x')
  const shift =
    down === undefined || (right !== undefined && right < down) ? { x: right ?? 0, y: 0 } : { x: 0, y: down }
  if (shift.x === 0 && shift.y === 0) return positions
  const out: Record<string, Point> = {}
  for (const [id, p] of Object.entries(positions)) out[id] = { x: p.x + shift.x, y: p.y + shift.y }
  return out
}

/** How far the group must move along `axis` (positive) until it overlaps nothing, or undefined. */
function clearance(group: readonly Box[], others: readonly Box[], axis: 'x' | 'y'): number | undefined {
  const size = axis === 'x' ? 'width' : 'height'
  let offset = 0
  for (let step = 0; step < MAX_STEPS; step++) {
    let reach = offset
    for (const g of group) {
      const moved = { ...g, [axis]: g[axis] + offset }
      for (const o of others)
        if (overlaps(moved, o)) reach = Math.max(reach, o[axis] + o[size] + GAP - g[axis])
    }
    if (reach === offset) return offset
    offset = reach
  }
  return undefined
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y
}
