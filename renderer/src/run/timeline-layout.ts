/** Layout of the timeline (Gantt) view: one row per routine, bars scaled to the job's time span. */
import type { TimelineSpan } from '../../../electron/ipc/contract'

export interface TimelineLayout {
  /** Routine ids, one per row, in the order given (then first appearance). */
  readonly rows: readonly string[]
  readonly start: number
  readonly end: number
  readonly spans: readonly TimelineSpan[]
}

/** Rows follow `order` (document order) for routines that ran, then any others by first start. */
export function layoutTimeline(
  spans: readonly TimelineSpan[],
  order: readonly string[],
  now: number,
): TimelineLayout {
  const seen = new Set<string>()
  let start = Number.POSITIVE_INFINITY
  let end = Number.NEGATIVE_INFINITY
  for (const span of spans) {
    seen.add(span.routineId)
    start = Math.min(start, span.start)
    end = Math.max(end, span.end ?? now)
  }
  const rows = order.filter((id) => seen.has(id))
  for (const span of spans) if (!rows.includes(span.routineId)) rows.push(span.routineId)
  if (spans.length === 0) return { rows, start: now, end: now, spans }
  return { rows, start, end: Math.max(end, start + 1), spans }
}

/** The span under a point, for tooltips: x in ms from `layout.start`, row index. */
export function spanAt(
  layout: TimelineLayout,
  atMs: number,
  row: number,
  toleranceMs: number,
): TimelineSpan | undefined {
  const routineId = layout.rows[row]
  if (routineId === undefined) return undefined
  let best: TimelineSpan | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  const t = layout.start + atMs
  for (const span of layout.spans) {
    if (span.routineId !== routineId) continue
    const end = span.end ?? layout.end
    const distance = t < span.start ? span.start - t : t > end ? t - end : 0
    if (distance < bestDistance && distance <= toleranceMs) {
      best = span
      bestDistance = distance
    }
  }
  return best
}
