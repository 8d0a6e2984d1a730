import { describe, expect, it } from 'vitest'
import type { ExecutionEvent } from '../events'
import { Flow } from '../flow'
import { Routine } from '../routine'
import { FLOW_METRIC_NAMES as N, recordFlowMetrics } from './flow-metrics'
import { MetricsCollector } from './metrics-collector'

const err = { code: 'HANDLER_ERROR', message: 'boom' }

function setup() {
  const metrics = new MetricsCollector()
  const listener = recordFlowMetrics(metrics, 'f')
  const send = (...events: ExecutionEvent[]) => {
    for (const e of events) listener(e)
  }
  const gauges = () => ({
    inFlight: metrics.getGauge(N.deliveriesInFlight, { flow: 'f' })?.value,
    queued: metrics.getGauge(N.queueDepth, { flow: 'f' })?.value,
  })
  return { metrics, send, gauges }
}

const at = (jobId: string) => {
  const base = { flowId: 'f', jobId, time: 0 }
  const ref = (routineId: string, deliveryId: number, attempt = 1) => ({
    ...base,
    routineId,
    deliveryId,
    attempt,
    slot: 'in',
  })
  return {
    started: (): ExecutionEvent => ({
      ...base,
      type: 'jobStarted',
      entryId: 'src',
      slot: 'trigger',
      params: {},
    }),
    queued: (r: string, d: number, attempt = 1): ExecutionEvent => ({
      ...ref(r, d, attempt),
      type: 'deliveryQueued',
    }),
    run: (r: string, d: number, attempt = 1): ExecutionEvent => ({
      ...ref(r, d, attempt),
      type: 'routineStarted',
    }),
    ok: (r: string, d: number, ms: number, attempt = 1): ExecutionEvent => ({
      ...ref(r, d, attempt),
      type: 'routineCompleted',
      durationMs: ms,
    }),
    fail: (
      r: string,
      d: number,
      resolution: 'stop' | 'retry' | 'continue' | 'skip',
      attempt = 1,
    ): ExecutionEvent => ({
      ...ref(r, d, attempt),
      type: 'routineFailed',
      durationMs: 2,
      error: err,
      resolution,
    }),
    retry: (r: string, d: number, next: number): ExecutionEvent => ({
      ...ref(r, d, next - 1),
      type: 'retryScheduled',
      nextAttempt: next,
      maxRetries: 3,
      delayMs: 5,
      error: err,
    }),
    emit: (r: string, event: string): ExecutionEvent => ({
      ...base,
      type: 'eventEmitted',
      routineId: r,
      event,
      connectionIds: [],
      data: {},
    }),
    completed: (): ExecutionEvent => ({ ...base, type: 'jobCompleted', durationMs: 1 }),
    failed: (): ExecutionEvent => ({ ...base, type: 'jobFailed', durationMs: 1, error: err }),
    cancelled: (): ExecutionEvent => ({ ...base, type: 'jobCancelled', durationMs: 1 }),
  }
}

describe('recordFlowMetrics', () => {
  it('records executions, attempts by status, durations and emits under the DESIGN names', async () => {
    const { metrics, send, gauges } = setup()
    const j = at('j1')
    send(j.started(), j.queued('src', 1), j.run('src', 1), j.emit('src', 'out'), j.queued('sink', 2))
    expect(gauges()).toEqual({ inFlight: 2, queued: 1 })
    send(j.ok('src', 1, 3), j.run('sink', 2), j.fail('sink', 2, 'continue'), j.completed())
    expect(gauges()).toEqual({ inFlight: 0, queued: 0 })

    expect(metrics.getCounter(N.flowExecutions, { flow: 'f' })?.value).toBe(1)
    const status = (routine: string, s: string) =>
      metrics.getCounter(N.routineExecutions, { flow: 'f', routine, status: s })?.value
    expect(status('src', 'completed')).toBe(1)
    expect(status('sink', 'error_continued')).toBe(1)
    expect(status('sink', 'completed')).toBeUndefined()
    expect(metrics.getCounter(N.eventsEmitted, { flow: 'f', routine: 'src', event: 'out' })?.value).toBe(1)
    const duration = metrics.getHistogram(N.routineDuration, { flow: 'f', routine: 'src' })
    expect(duration?.count).toBe(1)
    expect(duration?.sum).toBeCloseTo(0.003)

    const text = await metrics.exportPrometheus()
    for (const name of Object.values(N)) expect(text).toContain(`# TYPE ${name} `)
    expect(text).toContain('routilux_routine_executions_total{flow="f",routine="src",status="completed"} 1')
    expect(text).toContain('routilux_routine_duration_seconds_count{flow="f",routine="src"} 1')
  })

  it('keeps a retried delivery in flight until its last attempt, whether or not the retry is re-queued', () => {
    for (const requeue of [true, false]) {
      const { metrics, send, gauges } = setup()
      const j = at('j')
      send(j.started(), j.queued('a', 1), j.run('a', 1), j.fail('a', 1, 'retry'), j.retry('a', 1, 2))
      expect(gauges()).toEqual({ inFlight: 1, queued: 0 })
      if (requeue) {
        send(j.queued('a', 1, 2))
        expect(gauges()).toEqual({ inFlight: 1, queued: 1 })
      }
      send(j.run('a', 1, 2))
      expect(gauges()).toEqual({ inFlight: 1, queued: 0 })
      send(j.ok('a', 1, 1, 2), j.completed())
      expect(gauges()).toEqual({ inFlight: 0, queued: 0 })
      expect(
        metrics.getCounter(N.routineExecutions, { flow: 'f', routine: 'a', status: 'retried' })?.value,
      ).toBe(1)
      expect(
        metrics.getCounter(N.routineExecutions, { flow: 'f', routine: 'a', status: 'completed' })?.value,
      ).toBe(1)
    }
  })

  it("subtracts a failed or cancelled job's dropped deliveries, leaving other jobs' counts", () => {
    const { send, gauges } = setup()
    const a = at('a')
    const b = at('b')
    send(a.started(), a.queued('x', 1), a.run('x', 1), a.queued('y', 2), a.queued('z', 3))
    send(b.started(), b.queued('x', 1))
    send(a.fail('x', 1, 'retry'), a.retry('x', 1, 2))
    expect(gauges()).toEqual({ inFlight: 4, queued: 3 })
    send(a.failed())
    expect(gauges()).toEqual({ inFlight: 1, queued: 1 })
    // Late events from a handler that outlived its job change nothing.
    send(a.run('y', 2), a.ok('y', 2, 1), a.queued('q', 9))
    expect(gauges()).toEqual({ inFlight: 1, queued: 1 })
    send(b.run('x', 1))
    expect(gauges()).toEqual({ inFlight: 1, queued: 0 })
    send(b.cancelled())
    expect(gauges()).toEqual({ inFlight: 0, queued: 0 })
  })

  it('counts a delivery that starts without having been announced (a resumed snapshot)', () => {
    const { send, gauges } = setup()
    const j = at('r')
    send(j.run('k', 7))
    expect(gauges()).toEqual({ inFlight: 1, queued: 0 })
    send(j.ok('k', 7, 1), j.completed())
    expect(gauges()).toEqual({ inFlight: 0, queued: 0 })
  })

  it('maps each resolution to a status label', () => {
    const { metrics, send } = setup()
    const j = at('j')
    send(j.started())
    let d = 0
    for (const resolution of ['stop', 'continue', 'skip', 'retry'] as const) {
      d++
      send(j.queued('r', d), j.run('r', d), j.fail('r', d, resolution))
    }
    const series = metrics
      .seriesOf(N.routineExecutions)
      .map((s) => [s.labels.status, 'value' in s ? s.value : -1])
    expect(series).toEqual([
      ['failed', 1],
      ['error_continued', 1],
      ['skipped', 1],
      ['retried', 1],
    ])
  })
})

describe('recordFlowMetrics on a real flow', () => {
  function fanout(metrics: MetricsCollector, options: { slow?: boolean; failAt?: number } = {}) {
    const flow = new Flow({ id: 'fan', executionMode: 'concurrent', maxWorkers: 4, metrics })
    const source = new Routine()
    source.defineEvent('out', ['i'])
    source.defineSlot('trigger', (data, ctx) => {
      for (let i = 0; i < (data.count as number); i++) ctx.emit('out', { i })
    })
    const sink = new Routine()
    sink.defineSlot('in', async (data) => {
      if (options.slow === true) await new Promise((resolve) => setTimeout(resolve, 5))
      if (data.i === options.failAt) throw new Error(`bad item ${String(data.i)}`)
    })
    flow.addRoutine(source, 'src')
    flow.addRoutine(sink, 'sink')
    flow.connect('src', 'out', 'sink', 'in')
    return flow
  }
  const gauge = (metrics: MetricsCollector, name: string) => metrics.getGauge(name, { flow: 'fan' })?.value

  it('counts every attempt and emit and ends with empty gauges', async () => {
    const metrics = new MetricsCollector()
    const flow = fanout(metrics)
    const job = await flow.run('src', { count: 1000 })
    expect(job.status).toBe('completed')
    expect(metrics.getCounter(N.flowExecutions, { flow: 'fan' })?.value).toBe(1)
    expect(
      metrics.getCounter(N.routineExecutions, { flow: 'fan', routine: 'sink', status: 'completed' })?.value,
    ).toBe(1000)
    expect(metrics.getCounter(N.eventsEmitted, { flow: 'fan', routine: 'src', event: 'out' })?.value).toBe(
      1000,
    )
    expect(metrics.getHistogram(N.routineDuration, { flow: 'fan', routine: 'sink' })?.count).toBe(1000)
    expect(gauge(metrics, N.deliveriesInFlight)).toBe(0)
    expect(gauge(metrics, N.queueDepth)).toBe(0)
  })

  it('shows the backlog of a paused job and drops it when the job is cancelled', async () => {
    const metrics = new MetricsCollector()
    const flow = fanout(metrics, { slow: true })
    const job = flow.execute('src', { count: 50 })
    while (job.routineStates.src?.status !== 'completed')
      await new Promise((resolve) => setTimeout(resolve, 1))
    await flow.pause(job)
    const queued = gauge(metrics, N.queueDepth) ?? 0
    expect(queued).toBeGreaterThan(0)
    expect(gauge(metrics, N.deliveriesInFlight)).toBe(queued)
    flow.cancel(job)
    expect(gauge(metrics, N.deliveriesInFlight)).toBe(0)
    expect(gauge(metrics, N.queueDepth)).toBe(0)
  })

  it('removes the deliveries a STOP dropped, while another job of the flow keeps its own', async () => {
    const metrics = new MetricsCollector()
    const flow = fanout(metrics, { slow: true, failAt: 10 })
    const failing = flow.execute('src', { count: 60 })
    const healthy = flow.execute('src', { count: 8 })
    await failing.done
    expect(failing.status).toBe('failed')
    expect(healthy.finished).toBe(false)
    expect(gauge(metrics, N.deliveriesInFlight)).toBeGreaterThan(0)
    await healthy.done
    expect(healthy.status).toBe('completed')
    expect(gauge(metrics, N.deliveriesInFlight)).toBe(0)
    expect(gauge(metrics, N.queueDepth)).toBe(0)
    expect(
      metrics.getCounter(N.routineExecutions, { flow: 'fan', routine: 'sink', status: 'failed' })?.value,
    ).toBe(1)
    const text = await metrics.exportPrometheus()
    for (const name of Object.values(N)) expect(text.split(`# TYPE ${name} `).length).toBe(2)
  })
})
