/** Align and distribute: pure geometry over boxes, returning the new top-left corners. */
import type { Point } from '../../../engine/document/types'

export interface Box {
  id: string
  x: number
  y: number
  width: number
  height: number
}

export type AlignMode = 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom'
export type DistributeAxis = 'horizontal' | 'vertical'

/** Aligns boxes on the selection's left/centre/right edge or top/middle/bottom edge. */
export function alignBoxes(boxes: readonly Box[], mode: AlignMode): Record<string, Point> {
  const out: Record<string, Point> = {}
  if (boxes.length < 2) return out
  const left = Math.min(...boxes.map((b) => b.x))
  const right = Math.max(...boxes.map((b) => b.x + b.width))
  const top = Math.min(...boxes.map((b) => b.y))
  const bottom = Math.max(...boxes.map((b) => b.y + b.height))
  for (const b of boxes) {
    let { x, y } = b
    if (mode === 'left') x = left
    else if (mode === 'right') x = right - b.width
    else if (mode === 'center') x = (left + right) / 2 - b.width / 2
    else if (mode === 'top') y = top
    else if (mode === 'bottom') y = bottom - b.height
    else y = (top + bottom) / 2 - b.height / 2
    out[b.id] = { x, y }
  }
  return out
}

/** Spreads boxes so the gaps between neighbours are equal; the outermost two stay put. */
export function distributeBoxes(boxes: readonly Box[], axis: DistributeAxis): Record<string, Point> {
  const out: Record<string, Point> = {}
  if (boxes.length < 3) return out
  const horizontal = axis === 'horizontal'
  const start = (b: Box) => (horizontal ? b.x : b.y)
  const size = (b: Box) => (horizontal ? b.width : b.height)
  const sorted = [...boxes].sort((a, b) => start(a) - start(b))
  const first = sorted[0] as Box
  const span = Math.max(...sorted.map((b) => start(b) + size(b))) - start(first)
  const used = sorted.reduce((sum, b) => sum + size(b), 0)
  const gap = (span - used) / (sorted.length - 1)
  let cursor = start(first)
  for (const b of sorted) {
    out[b.id] = horizontal ? { x: cursor, y: b.y } : { x: b.x, y: cursor }
    cursor += size(b) + gap
  }
  return out
}
