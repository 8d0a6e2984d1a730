import { describe, expect, it } from 'vitest'
import { ErrorHandler } from './error-handler'
import type { ExecutionEvent } from './events'
import { ExecutionTracker } from './execution-tracker'
import { Flow } from './flow'
import { Routine } from './routine'
import { FlowHarness } from './testing/harness'

const base = { flowId: 'f', jobId: 'j' }
const ref = (routineId: string, attempt = 1, deliveryId = 1) => ({
  ...base,
  routineId,
  slot: 'in',
  attempt,
  deliveryId,
})
const err = { code: 'HANDLER_ERROR', message: 'boom' }

function feed(tracker: ExecutionTracker, events: ExecutionEvent[]): ExecutionTracker {
  for (const event of events) tracker.record(event)
  return tracker
}

describe('ExecutionTracker', () => {
  it('returns undefined for a routine that never ran', () => {
    expect(new ExecutionTracker().getRoutinePerformance('nope')).toBeUndefined()
  })

  it('counts every attempt of a routine, retries included', () => {
    const tracker = feed(new ExecutionTracker(), [
      { ...base, type: 'jobStarted', time: 1000, entryId: 'a', slot: 'trigger', params: {} },
      { ...ref('a'), type: 'deliveryQueued', time: 1000 },
      { ...ref('a'), type: 'routineStarted', time: 1001 },
      { ...ref('a'), type: 'routineFailed', time: 1003, durationMs: 2, error: err, resolution: 'retry' },
      {
        ...ref('a'),
        type: 'retryScheduled',
        time: 1003,
        nextAttempt: 2,
        maxRetries: 3,
        delayMs: 10,
        error: err,
      },
      { ...ref('a', 2), type: 'routineStarted', time: 1013 },
      { ...ref('a', 2), type: 'routineFailed', time: 1019, durationMs: 6, error: err, resolution: 'retry' },
      { ...ref('a', 3), type: 'routineStarted', time: 1040 },
      { ...ref('a', 3), type: 'routineCompleted', time: 1041, durationMs: 1 },
    ])
    expect(tracker.getRoutinePerformance('a')).toEqual({
      totalExecutions: 3,
      completed: 1,
      failed: 2,
      successRate: 1 / 3,
      avgDurationMs: 3,
      minDurationMs: 1,
      maxDurationMs: 6,
    })
  })

  it('reports zero statistics for a routine whose only attempt is still running', () => {
    const tracker = feed(new ExecutionTracker(), [{ ...ref('a'), type: 'routineStarted', time: 5 }])
    expect(tracker.getRoutinePerformance('a')).toEqual({
      totalExecutions: 1,
      completed: 0,
      failed: 0,
      successRate: 0,
      avgDurationMs: 0,
      minDurationMs: 0,
      maxDurationMs: 0,
    })
  })

  it('summarises the job: totals, resolutions, pauses and throughput', () => {
    const tracker = feed(new ExecutionTracker(), [
      { ...base, type: 'jobStarted', time: 0, entryId: 'src', slot: 'trigger', params: {} },
      { ...ref('src'), type: 'deliveryQueued', time: 0 },
      { ...ref('src'), type: 'routineStarted', time: 0 },
      {
        ...base,
        type: 'eventEmitted',
        time: 1,
        routineId: 'src',
        event: 'out',
        connectionIds: ['c1', 'c2'],
        data: {},
      },
      { ...ref('x', 1, 2), type: 'deliveryQueued', time: 1, connectionId: 'c1' },
      { ...ref('y', 1, 3), type: 'deliveryQueued', time: 1, connectionId: 'c2' },
      { ...ref('src'), type: 'routineCompleted', time: 2, durationMs: 2 },
      { ...base, type: 'jobPaused', time: 10 },
      { ...base, type: 'jobResumed', time: 510 },
      { ...ref('x', 1, 2), type: 'routineStarted', time: 510 },
      {
        ...ref('x', 1, 2),
        type: 'routineFailed',
        time: 520,
        durationMs: 10,
        error: err,
        resolution: 'continue',
      },
      { ...ref('y', 1, 3), type: 'routineStarted', time: 520 },
      { ...ref('y', 1, 3), type: 'routineFailed', time: 525, durationMs: 5, error: err, resolution: 'skip' },
      { ...base, type: 'outputLogged', time: 525, routineId: 'y', level: 'info', message: 'hi' },
      { ...base, type: 'jobCompleted', time: 1000, durationMs: 1000 },
    ])
    expect(tracker.getFlowPerformance()).toEqual({
      flowId: 'f',
      jobId: 'j',
      status: 'completed',
      startedAt: 0,
      endedAt: 1000,
      durationMs: 1000,
      pausedMs: 500,
      routinesExecuted: 3,
      totalExecutions: 3,
      completedExecutions: 1,
      failedExecutions: 2,
      errorsByResolution: { stop: 0, continue: 1, retry: 0, skip: 1 },
      retriesScheduled: 0,
      deliveriesQueued: 3,
      eventsEmitted: 1,
      outputsLogged: 1,
      handlerTimeMs: 17,
      executionsPerSecond: 6,
      eventsPerSecond: 2,
    })
  })

  it('tracks status transitions and closes an open pause when the job ends', () => {
    const tracker = new ExecutionTracker()
    expect(tracker.getFlowPerformance().status).toBe('idle')
    tracker.record({ ...base, type: 'jobStarted', time: 100, entryId: 'a', slot: 'trigger', params: {} })
    expect(tracker.getFlowPerformance().status).toBe('running')
    tracker.record({ ...base, type: 'jobPaused', time: 200 })
    expect(tracker.getFlowPerformance().status).toBe('paused')
    tracker.record({ ...base, type: 'jobCancelled', time: 300, durationMs: 200 })
    const flow = tracker.getFlowPerformance()
    expect(flow.status).toBe('cancelled')
    expect(flow.pausedMs).toBe(100)
    expect(flow.durationMs).toBe(200)
  })

  it('lists the slowest routines and duration percentiles', () => {
    const tracker = new ExecutionTracker()
    const ids = ['fast', 'mid', 'slow']
    const durations = [1, 10, 100]
    for (let i = 0; i < 100; i++) {
      ids.forEach((id, k) => {
        tracker.record({ ...ref(id), type: 'routineStarted', time: i })
        tracker.record({ ...ref(id), type: 'routineCompleted', time: i, durationMs: durations[k] ?? 0 })
      })
    }
    const metrics = tracker.getPerformanceMetrics({ slowest: 2 })
    expect(metrics.slowestRoutines.map((r) => r.routineId)).toEqual(['slow', 'mid'])
    expect(Object.keys(metrics.routines).sort()).toEqual(['fast', 'mid', 'slow'])
    expect(metrics.routines.mid?.avgDurationMs).toBe(10)
    const { p50, p90, max } = metrics.durationPercentiles
    expect(p50).toBeGreaterThan(9.5)
    expect(p50).toBeLessThan(10.5)
    expect(p90).toBeGreaterThan(95)
    expect(p90).toBeLessThanOrEqual(100)
    expect(max).toBe(100)
  })

  it('aggregates a long run into counters', () => {
    const tracker = new ExecutionTracker()
    for (let i = 0; i < 20_000; i++) {
      tracker.record({
        ...base,
        type: 'eventEmitted',
        time: i,
        routineId: 'src',
        event: 'out',
        connectionIds: [],
        data: {},
      })
      tracker.record({ ...ref('r', 1, i), type: 'routineStarted', time: i })
      tracker.record({ ...ref('r', 1, i), type: 'routineCompleted', time: i, durationMs: 0.01 })
    }
    const metrics = tracker.getPerformanceMetrics()
    expect(metrics.flow.eventsEmitted).toBe(20_000)
    expect(metrics.routines.r?.totalExecutions).toBe(20_000)
    expect(metrics.durationPercentiles.p99).toBeCloseTo(0.01, 3)
  })
  it('adds the counts of bound job tallies to the events it records', () => {
    const tallies = { deliveriesQueued: 4, eventsEmitted: 2 }
    const tracker = feed(new ExecutionTracker(tallies), [
      { ...base, type: 'jobStarted', time: 0, entryId: 'a', slot: 'trigger', params: {} },
      { ...ref('a'), type: 'deliveryQueued', time: 0 },
    ])
    tallies.deliveriesQueued = 5
    expect(tracker.getFlowPerformance()).toMatchObject({ deliveriesQueued: 6, eventsEmitted: 2 })
  })
})

describe('ExecutionTracker on a real job', () => {
  it('agrees with the routine states and history of the job it belongs to', async () => {
    const flow = new Flow()
    const source = new Routine()
    source.defineEvent('out', ['n'])
    source.defineSlot('trigger', (_data, ctx) => {
      for (let n = 0; n < 5; n++) ctx.emit('out', { n })
    })
    let calls = 0
    const flaky = new Routine()
    flaky.defineSlot('in', () => {
      calls++
      if (calls <= 2) throw new Error('transient')
    })
    flaky.setErrorHandler(new ErrorHandler({ strategy: 'retry', maxRetries: 3, retryDelayMs: 1 }))
    flow.addRoutine(source, 'src')
    flow.addRoutine(flaky, 'flaky')
    flow.connect('src', 'out', 'flaky', 'in')

    const job = await flow.run('src')
    expect(job.status).toBe('completed')
    const perf = job.trace.getRoutinePerformance('flaky')
    expect(perf).toMatchObject({ totalExecutions: 7, completed: 5, failed: 2 })
    expect(perf?.totalExecutions).toBe(job.routineStates.flaky?.runs)
    expect(perf?.failed).toBe(job.routineStates.flaky?.errors)
    const flowPerf = job.trace.getFlowPerformance()
    expect(flowPerf).toMatchObject({
      status: 'completed',
      jobId: job.jobId,
      totalExecutions: 8,
      eventsEmitted: 5,
      retriesScheduled: 2,
      deliveriesQueued: 1 + 5 + 2,
      errorsByResolution: { stop: 0, continue: 0, retry: 2, skip: 0 },
    })
    expect(flowPerf.eventsEmitted).toBe(job.history.filter((r) => r.event === 'out').length)
    expect(
      job.trace
        .getPerformanceMetrics()
        .slowestRoutines.map((r) => r.routineId)
        .sort(),
    ).toEqual(['flaky', 'src'])
    expect(job.trace.getRoutinePerformance('never')).toBeUndefined()
  })

  it('counts what the event stream shows, though the job never hands it deliveryQueued or eventEmitted', async () => {
    const h = new FlowHarness()
      .source('src')
      .relay('mid')
      .sink('sink')
      .wire('src.out -> mid.in', 'mid.out -> sink.in')
    h.routine('later', { slots: { trigger: (_d, ctx) => ctx.defer(1, 'again'), again: () => {} } })
    const job = await h.run('src', { items: [1, 2, 3] })
    const perf = job.trace.getFlowPerformance()
    expect(perf.deliveriesQueued).toBe(h.eventsOf(job, 'deliveryQueued').length)
    expect(perf.eventsEmitted).toBe(h.eventsOf(job, 'eventEmitted').length)
    expect(perf).toMatchObject({ deliveriesQueued: 7, eventsEmitted: 6 })
    const deferred = await h.run('later')
    expect(deferred.trace.getFlowPerformance()).toMatchObject({ deliveriesQueued: 2, eventsEmitted: 0 })
  })
})
