/**
 * The standard metrics of a flow, recorded from its execution-event stream only. Series objects are
 * cached per routine so an event costs a few map lookups and additions, not a label resolution.
 */
import type { ExecutionEvent, ExecutionEventType, ExecutionListener } from '../events'
import type { ErrorStrategy } from '../types'
import type { MetricsCollector } from './metrics-collector'
import type { CounterMetric, GaugeMetric, HistogramMetric } from './series'

/** Metric names recorded for every flow given a collector. */
export const FLOW_METRIC_NAMES = {
  flowExecutions: 'routilux_flow_executions_total',
  routineExecutions: 'routilux_routine_executions_total',
  routineDuration: 'routilux_routine_duration_seconds',
  eventsEmitted: 'routilux_events_emitted_total',
  deliveriesInFlight: 'routilux_deliveries_in_flight',
  queueDepth: 'routilux_queue_depth',
} as const

/** The event types `recordFlowMetrics` listens to (pass them to `flow.observe` as its filter). */
export const FLOW_METRICS_EVENT_TYPES: readonly ExecutionEventType[] = Object.freeze([
  'jobStarted',
  'deliveryQueued',
  'routineStarted',
  'routineCompleted',
  'routineFailed',
  'retryScheduled',
  'eventEmitted',
  'jobCompleted',
  'jobFailed',
  'jobCancelled',
])

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

/**
 * One job's share of the gauges: deliveries queued, running, and waiting on a retry timer. Each
 * transition updates the flow's gauges directly, so the gauges always equal the sum over live jobs.
 */
class JobCounts {
  queued = 0
  running = 0
  /** Deliveries whose retry timer is pending (allocated on the first retry: most jobs never retry). */
  retrying: Set<number> | undefined

  constructor(
    readonly inFlight: GaugeMetric,
    readonly queueDepth: GaugeMetric,
  ) {}

  queuedOne(deliveryId: number): void {
    // A retry that goes through the queue leaves the retry-wait state here (already in flight).
    if (this.retrying?.delete(deliveryId) !== true) this.inFlight.inc()
    this.queued++
    this.queueDepth.inc()
  }

  started(deliveryId: number): void {
    this.running++
    // A retry may also start straight from its timer; otherwise the delivery leaves the queue.
    if (this.retrying?.delete(deliveryId) === true) return
    if (this.queued > 0) {
      this.queued--
      this.queueDepth.dec()
    } else this.inFlight.inc()
  }

  ended(): void {
    if (this.running === 0) return
    this.running--
    this.inFlight.dec()
  }

  retryScheduled(deliveryId: number): void {
    this.retrying ??= new Set()
    if (this.retrying.has(deliveryId)) return
    this.retrying.add(deliveryId)
    this.inFlight.inc()
  }

  /** The job ended: everything it still holds leaves the gauges. */
  drop(): void {
    this.inFlight.dec(this.queued + this.running + (this.retrying?.size ?? 0))
    this.queueDepth.dec(this.queued)
    this.queued = 0
    this.running = 0
    this.retrying = undefined
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

  // Consecutive events usually belong to the same job: remember the last lookup.
  let lastJobId: string | undefined
  let lastCounts: JobCounts | undefined
  const job = (jobId: string): JobCounts | undefined => {
    if (jobId === lastJobId) return lastCounts
    let counts = jobs.get(jobId)
    if (counts === undefined && !finished.has(jobId)) {
      counts = new JobCounts(inFlight, queueDepth)
      jobs.set(jobId, counts)
    }
    lastJobId = jobId
    lastCounts = counts
    return counts
  }

  const finish = (jobId: string): void => {
    const counts = jobs.get(jobId)
    if (counts !== undefined) {
      counts.drop()
      jobs.delete(jobId)
    }
    if (jobId === lastJobId) lastCounts = undefined
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
        job(event.jobId)?.queuedOne(event.deliveryId)
        return
      case 'routineStarted':
        job(event.jobId)?.started(event.deliveryId)
        return
      case 'routineCompleted':
        attempt(event.routineId, 'completed', event.durationMs)
        job(event.jobId)?.ended()
        return
      case 'routineFailed':
        attempt(event.routineId, STATUS_BY_RESOLUTION[event.resolution], event.durationMs)
        job(event.jobId)?.ended()
        return
      case 'retryScheduled':
        job(event.jobId)?.retryScheduled(event.deliveryId)
        return
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
