/**
 * Time series for the metrics charts, built from the per-batch activity windows of one job. Batches
 * arrive about 30 times a second; they are summed into quarter-second points so a chart redraw
 * stays cheap and five minutes of history fit in a fixed number of points.
 */
import type { JobTotals, JobWindow } from '../../../electron/ipc/contract'

/** Length of one point. */
export const POINT_MS = 250
/** Points kept (five minutes). */
export const MAX_POINTS = 1200

/** Columns as uPlot wants them: x (seconds) first, then one array per series. */
export interface SeriesColumns {
  /** Host time of each point, in seconds. */
  readonly time: number[]
  /** Deliveries per second. */
  readonly throughput: number[]
  /** Deliveries queued, running or waiting for a retry at the end of the point. */
  readonly inFlight: number[]
  /** Failed handler runs as a percentage of finished ones. */
  readonly errorRate: (number | null)[]
  /** Handler duration percentiles (ms), weighted by completions across the point's batches. */
  readonly p50: (number | null)[]
  readonly p95: (number | null)[]
}

interface Pending {
  intervalMs: number
  deliveries: number
  completed: number
  errors: number
  p50Weighted: number
  p95Weighted: number
  weight: number
}

const emptyPending = (): Pending => ({
  intervalMs: 0,
  deliveries: 0,
  completed: 0,
  errors: 0,
  p50Weighted: 0,
  p95Weighted: 0,
  weight: 0,
})

/** Bounded, append-only series of one job; `version` changes whenever a point is added. */
export class MetricSeries {
  readonly columns: SeriesColumns = {
    time: [],
    throughput: [],
    inFlight: [],
    errorRate: [],
    p50: [],
    p95: [],
  }
  #pending = emptyPending()
  #version = 0

  get version(): number {
    return this.#version
  }

  get length(): number {
    return this.columns.time.length
  }

  /** Adds one batch's window; emits a point once a quarter second has been collected (or at the end). */
  add(window: JobWindow, totals: JobTotals, hostTime: number, final: boolean): void {
    const p = this.#pending
    p.intervalMs += window.intervalMs
    p.deliveries += window.deliveries
    p.completed += window.completed
    p.errors += window.errors
    if (window.completed > 0 && window.durationP50Ms !== null && window.durationP95Ms !== null) {
      p.p50Weighted += window.durationP50Ms * window.completed
      p.p95Weighted += window.durationP95Ms * window.completed
      p.weight += window.completed
    }
    if (p.intervalMs >= POINT_MS || (final && p.intervalMs > 0)) this.#emit(totals, hostTime)
  }

  #emit(totals: JobTotals, hostTime: number): void {
    const p = this.#pending
    const c = this.columns
    const finished = p.completed + p.errors
    c.time.push(hostTime / 1000)
    c.throughput.push(Math.round((p.deliveries * 1000) / p.intervalMs))
    c.inFlight.push(totals.inFlight)
    c.errorRate.push(finished > 0 ? (100 * p.errors) / finished : null)
    c.p50.push(p.weight > 0 ? p.p50Weighted / p.weight : null)
    c.p95.push(p.weight > 0 ? p.p95Weighted / p.weight : null)
    if (c.time.length > MAX_POINTS) {
      for (const column of Object.values(c) as unknown[][]) column.shift()
    }
    this.#pending = emptyPending()
    this.#version += 1
  }
}

/** Shortest time span a chart shows, in seconds: a short job's few points are not stretched over years. */
export const MIN_CHART_SPAN_S = 10

/**
 * The x range of a chart of points at `times` (seconds): at least `MIN_CHART_SPAN_S`, ending just
 * after the last point. (uPlot widens a single time point to a thousand days by itself.)
 */
export function chartTimeRange(times: ArrayLike<number | null | undefined>): [number, number] {
  const now = Date.now() / 1000
  const first = times[0]
  const last = times[times.length - 1]
  const min = typeof first === 'number' ? first : now
  const max = typeof last === 'number' ? last : now
  const [from, to] = max - min < MIN_CHART_SPAN_S ? [max - MIN_CHART_SPAN_S, max] : [min, max]
  // A little room after the last point, so its marker is not cut in half by the chart's edge.
  return [from, to + (to - from) * RIGHT_MARGIN]
}

const RIGHT_MARGIN = 0.02
