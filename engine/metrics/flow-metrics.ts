/**
 * The standard metrics of a flow, recorded from its execution-event stream only. Series objects are
 * cached per routine so an event costs a few map lookups and additions, not a label resolution.
 */
import type { ExecutionEvent, ExecutionListener } from '../events'
import type { ErrorStrategy } from '../types'
import type { MetricsCollector } from './metrics-collector'
import type { CounterMetric, HistogramMetric } from './series'

/** Metric names recorded for every flow given a collector. */
export const FLOW_METRIC_NAMES = {
  flowExecutions: 'routilux_flow_executions_total',
  routineExecutions: 'routilux_routine_executions_total',
  routineDuration: 'routilux_routine_duration_seconds',
  eventsEmitted: 'routilux_events_emitted_total',
  deliveriesInFlight: 'routilux_deliveries_in_flight',
  queueDepth: 'routilux_queue_depth',
} as const

/** Buckets (seconds) of the routine duration histogram: from 100 µs handlers to minute-long calls. */
export const ROUTINE_DURATION_BUCKETS: readonly number[] = [
  0.0001, 0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
]

/** Value of the `status` label of `routilux_routine_executions_total`, one per attempt. */
export type ExecutionStatusLabel = 'completed' | 'failed' | 'error_continued' | 'skipped' | 'retried'

const STATUS_BY_RESOLUTION: Readonly<Record<ErrorStrategy, ExecutionStatusLabel>> = {
  stop: 'failed',
  continue: 'error_continued',
  skip: 'skipped',
  retry: 'retried',
}

/** How many finished job ids are remembered to ignore late events of handlers that outlived their job. */
const FINISHED_JOBS_REMEMBERED = 1024

type DeliveryEventType =
  | 'deliveryQueued'
  | 'routineStarted'
  | 'routineCompleted'
  | 'routineFailed'
  | 'retryScheduled'

/** One job's share of the gauges: deliveries queued, running, and waiting on a retry timer. */
class JobCounts {
  queued = 0
  running = 0
  /** Deliveries whose retry timer is pending (allocated on the first retry: most jobs never retry). */
  retrying: Set<number> | undefined

  inFlight(): number {
    return this.queued + this.running + (this.retrying?.size ?? 0)
  }

  apply(type: DeliveryEventType, deliveryId: number): void {
    switch (type) {
      case 'deliveryQueued':
        // A retry that goes through the queue leaves the retry-wait state here.
        this.retrying?.delete(deliveryId)
        this.queued++
        return
      case 'routineStarted':
        // A retry may also start straight from its timer; otherwise the delivery leaves the queue.
        if (this.retrying?.delete(deliveryId) !== true && this.queued > 0) this.queued--
        this.running++
        return
      case 'routineCompleted':
      case 'routineFailed':
        if (this.running > 0) this.running--
        return
      case 'retryScheduled':
        this.retrying ??= new Set()
        this.retrying.add(deliveryId)
        return
    }
  }
}

interface RoutineSeries {
  readonly duration: HistogramMetric
  readonly statuses: Partial<Record<ExecutionStatusLabel, CounterMetric>>
  readonly events: Map<string, CounterMetric>
}

/**
 * A listener for `flow.observe` that records the `FLOW_METRIC_NAMES` metrics of flow `flowId` into
 * `collector`. Gauges are kept per job, so a failed or cancelled job's dropped deliveries are removed.
 */
export function recordFlowMetrics(collector: MetricsCollector, flowId: string): ExecutionListener {
  const flow = { flow: flowId }
  const executions = collector.counter(FLOW_METRIC_NAMES.flowExecutions, 'Jobs started per flow', flow)
  const inFlight = collector.gauge(
    FLOW_METRIC_NAMES.deliveriesInFlight,
    'Deliveries queued, running or waiting for a retry',
    flow,
  )
  const queueDepth = collector.gauge(
    FLOW_METRIC_NAMES.queueDepth,
    'Deliveries waiting to be dispatched',
    flow,
  )
  const routines = new Map<string, RoutineSeries>()
  const jobs = new Map<string, JobCounts>()
  const finished = new Set<string>()

  const routine = (routineId: string): RoutineSeries => {
    let series = routines.get(routineId)
    if (series === undefined) {
      series = {
        duration: collector.histogram(
          FLOW_METRIC_NAMES.routineDuration,
          'Duration of routine attempts in seconds',
          { flow: flowId, routine: routineId },
          ROUTINE_DURATION_BUCKETS,
        ),
        statuses: {},
        events: new Map(),
      }
      routines.set(routineId, series)
    }
    return series
  }

  const attempt = (routineId: string, status: ExecutionStatusLabel, durationMs: number): void => {
    const series = routine(routineId)
    let counter = series.statuses[status]
    if (counter === undefined) {
      counter = collector.counter(FLOW_METRIC_NAMES.routineExecutions, 'Routine attempts by outcome', {
        flow: flowId,
        routine: routineId,
        status,
      })
      series.statuses[status] = counter
    }
    counter.inc()
    series.duration.observe(durationMs / 1000)
  }

  const emitted = (routineId: string, event: string): CounterMetric => {
    const series = routine(routineId)
    let counter = series.events.get(event)
    if (counter === undefined) {
      counter = collector.counter(FLOW_METRIC_NAMES.eventsEmitted, 'Events emitted by routines', {
        flow: flowId,
        routine: routineId,
        event,
      })
      series.events.set(event, counter)
    }
    return counter
  }

  const job = (jobId: string): JobCounts | undefined => {
    let counts = jobs.get(jobId)
    if (counts === undefined) {
      if (finished.has(jobId)) return undefined
      counts = new JobCounts()
      jobs.set(jobId, counts)
    }
    return counts
  }

  const finish = (jobId: string): void => {
    const counts = jobs.get(jobId)
    if (counts !== undefined) {
      inFlight.dec(counts.inFlight())
      queueDepth.dec(counts.queued)
      jobs.delete(jobId)
    }
    finished.add(jobId)
    if (finished.size > FINISHED_JOBS_REMEMBERED) {
      const oldest = finished.values().next().value
      if (oldest !== undefined) finished.delete(oldest)
    }
  }

  return (event: ExecutionEvent): void => {
    switch (event.type) {
      case 'jobStarted':
        executions.inc()
        return
      case 'deliveryQueued':
      case 'routineStarted':
      case 'routineCompleted':
      case 'routineFailed':
      case 'retryScheduled': {
        if (event.type === 'routineCompleted') attempt(event.routineId, 'completed', event.durationMs)
        else if (event.type === 'routineFailed') {
          attempt(event.routineId, STATUS_BY_RESOLUTION[event.resolution], event.durationMs)
        }
        const counts = job(event.jobId)
        if (counts === undefined) return
        const before = counts.inFlight()
        const queuedBefore = counts.queued
        counts.apply(event.type, event.deliveryId)
        inFlight.inc(counts.inFlight() - before)
        queueDepth.inc(counts.queued - queuedBefore)
        return
      }
      case 'eventEmitted':
        emitted(event.routineId, event.event).inc()
        return
      case 'jobCompleted':
      case 'jobFailed':
      case 'jobCancelled':
        finish(event.jobId)
        return
      default:
        return
    }
  }
}
