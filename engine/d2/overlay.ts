/**
 * The run overlay a D2 export can carry: statuses and counters of one job, as plain data. The host
 * fills it from a `JobState` (its `routineStates` fit `routines` as they are) and from the
 * `deliveryQueued` events it has seen (per-connection counts).
 */
import type { JobStatus, RoutineStatus } from '../types'

/** What a run did in one routine. */
export interface RoutineOverlay {
  readonly status: RoutineStatus
  readonly runs?: number
  readonly errors?: number
  readonly retries?: number
  readonly skips?: number
}

/** Statuses and counts of one job, keyed by routine id and connection id. */
export interface RunOverlay {
  readonly jobStatus?: JobStatus
  readonly routines: Readonly<Record<string, RoutineOverlay>>
  /** Deliveries made through each connection. */
  readonly connections?: Readonly<Record<string, { readonly delivered: number }>>
}

/** Fill and stroke colours for each routine status. */
export const STATUS_COLORS: Readonly<Record<RoutineStatus, { fill: string; stroke: string }>> = {
  idle: { fill: '#f5f5f5', stroke: '#9e9e9e' },
  running: { fill: '#dbeafe', stroke: '#2563eb' },
  completed: { fill: '#dcfce7', stroke: '#16a34a' },
  failed: { fill: '#fee2e2', stroke: '#dc2626' },
  skipped: { fill: '#fef9c3', stroke: '#ca8a04' },
  error_continued: { fill: '#ffedd5', stroke: '#ea580c' },
}

/** The overlay entry of a routine, if the overlay has one (own keys only). */
export function routineOverlay(overlay: RunOverlay | undefined, id: string): RoutineOverlay | undefined {
  if (!overlay || !Object.hasOwn(overlay.routines, id)) return undefined
  const entry = overlay.routines[id]
  return entry && Object.hasOwn(STATUS_COLORS, entry.status) ? entry : undefined
}

/** Deliveries through a connection according to the overlay, if it has a count. */
export function deliveredCount(overlay: RunOverlay | undefined, connectionId: string): number | undefined {
  const connections = overlay?.connections
  if (!connections || !Object.hasOwn(connections, connectionId)) return undefined
  const count = connections[connectionId]?.delivered
  return typeof count === 'number' && Number.isFinite(count) ? count : undefined
}

/** One line summarising a routine's run, e.g. `completed · 3 runs · 1 retry`. */
export function overlaySummary(entry: RoutineOverlay): string {
  const parts: string[] = [entry.status.replace('_', ' ')]
  const count = (n: number | undefined, one: string, many: string) => {
    if (typeof n === 'number' && Number.isFinite(n) && n > 0) parts.push(`${n} ${n === 1 ? one : many}`)
  }
  count(entry.runs, 'run', 'runs')
  count(entry.errors, 'error', 'errors')
  count(entry.retries, 'retry', 'retries')
  count(entry.skips, 'skip', 'skips')
  return parts.join(' · ')
}
