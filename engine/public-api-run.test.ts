/**
 * Conformance of `engine/index.ts` with DESIGN §3, at run time: each documented option and method
 * of the engine's public API is exercised once (the signatures are checked in public-api.test.ts),
 * so a rename or a silently ignored option fails here.
 */
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { ExecutionEvent } from './index'
import {
  Connection,
  createBuiltinRoutines,
  createDocument,
  ErrorHandler,
  ExecutionTracker,
  exportD2,
  Flow,
  JobState,
  MetricsCollector,
  parseDocument,
  RoutiluxError,
  Routine,
  RoutineRegistry,
  saveDocument,
} from './index'

type Snapshot = ReturnType<JobState['toJSON']>

async function codeOf(action: () => unknown): Promise<string | undefined> {
  try {
    await action()
  } catch (error) {
    return error instanceof RoutiluxError ? error.code : `not a RoutiluxError: ${String(error)}`
  }
  return undefined
}

describe('DESIGN §3 at run time: Flow, JobState and their options', () => {
  it('runs a flow through every documented option and method', async () => {
    const metrics = new MetricsCollector()
    const seen: ExecutionEvent[] = []
    let contexts = 0
    const flow = new Flow({
      id: 'conformance',
      executionMode: 'concurrent',
      maxWorkers: 2,
      errorHandler: new ErrorHandler({ strategy: 'continue' }),
      history: { maxSize: 50, ttlMs: 60_000 },
      handlerTimeoutMs: 1_000,
      metrics,
    })
    expect(flow.id).toBe('conformance')
    const source = new Routine({ greeting: 'hi' })
    source.defineSlot('trigger', (data, ctx) => {
      expect(ctx.routineId).toBe('source')
      expect(ctx.slotName).toBe('trigger')
      expect(ctx.flow).toBe(flow)
      expect(ctx.job.status).toBe('running')
      expect(ctx.config).toEqual({ greeting: 'hi' })
      expect(ctx.signal.aborted).toBe(false)
      expect(ctx.attempt).toBe(1)
      contexts++
      ctx.job.shared.seen = true
      ctx.emit('output', { n: data.n })
    })
    source.defineEvent('output', ['n'])
    const sink = new Routine()
    sink.defineSlot('input', () => {})
    expect(flow.addRoutine(source, 'source')).toBe('source')
    const generated = flow.addRoutine(sink)
    expect(flow.routines.get(generated)).toBe(sink)
    expect(await codeOf(() => flow.addRoutine(new Routine(), 'source'))).toBe('DUPLICATE_ROUTINE')
    const wire = flow.connect('source', 'output', generated, 'input')
    expect(wire).toBeInstanceOf(Connection)
    expect(flow.connections).toEqual([wire])
    flow.disconnect(wire.id)
    expect(flow.connections).toEqual([])
    flow.connect('source', 'output', generated, 'input')
    const unsubscribe = flow.observe((event) => seen.push(event))
    expect(flow.setErrorHandler(undefined)).toBe(flow)

    const job = flow.execute('source', { n: 3 }, { slot: 'trigger', timeoutMs: 5_000 })
    expect(job).toBeInstanceOf(JobState)
    expect(flow.jobs.get(job.jobId)).toBe(job)
    expect(await flow.waitForCompletion(job, { timeoutMs: 5_000 })).toBe(true)
    expect(job.status).toBe('completed')
    expect(job.flowId).toBe('conformance')
    expect(job.shared).toEqual({ seen: true })
    expect(job.routineStates.source).toMatchObject({ status: 'completed', runs: 1 })
    expect(job.history.map((r) => [r.routineId, r.event])).toContainEqual(['source', 'output'])
    expect(job.error).toBeUndefined()
    expect(job.trace).toBeInstanceOf(ExecutionTracker)
    expect(job.trace.getRoutinePerformance('source')).toMatchObject({ totalExecutions: 1, completed: 1 })
    expect(job.trace.getFlowPerformance()).toMatchObject({ status: 'completed' })
    expect(job.trace.getPerformanceMetrics().routines).toHaveProperty('source')
    expect(await job.done).toBe(job)
    expect(contexts).toBe(1)
    expect(seen.map((e) => e.type)).toContain('jobCompleted')
    unsubscribe()

    const second = await flow.run('source', { n: 1 })
    expect(second.status).toBe('completed')
    expect(seen.filter((e) => e.jobId === second.jobId)).toEqual([])
    expect(metrics.getCounter('routilux_flow_executions_total', { flow: 'conformance' })?.value).toBe(2)
    expect(await metrics.exportPrometheus()).toContain('routilux_flow_executions_total{flow="conformance"} 2')

    flow.removeRoutine(generated)
    expect(flow.routines.has(generated)).toBe(false)
    expect(flow.connections).toEqual([])
  })

  it('pauses, snapshots, restores, resumes and cancels jobs', async () => {
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const make = () => {
      const flow = new Flow({ id: 'pausable' })
      const a = new Routine()
      a.defineSlot('trigger', async (_data, ctx) => {
        await gate
        ctx.emit('output', { step: 1 })
      })
      a.defineEvent('output')
      const b = new Routine()
      b.defineSlot('input', (data, ctx) => {
        ctx.job.shared.step = data.step
      })
      flow.addRoutine(a, 'a')
      flow.addRoutine(b, 'b')
      flow.connect('a', 'output', 'b', 'input')
      return flow
    }
    const flow = make()
    const job = flow.execute('a')
    await new Promise((resolve) => setTimeout(resolve, 0))
    const paused = flow.pause(job)
    expect(job.status).toBe('paused')
    release()
    await paused
    const snapshot: Snapshot = job.toJSON()
    expectTypeOf(snapshot).toEqualTypeOf<ReturnType<JobState['toJSON']>>()
    expect(snapshot.pending).toHaveLength(1)
    flow.cancel(job)
    expect(job.status).toBe('cancelled')

    const fresh = make()
    const restored = JobState.fromJSON(JSON.parse(JSON.stringify(snapshot)))
    fresh.resume(restored)
    expect((await restored.done).status).toBe('completed')
    expect(restored.shared).toEqual({ step: 1 })
    expect(await codeOf(() => JobState.fromJSON({ format: 'nonsense' }))).toBe('INVALID_SNAPSHOT')
  })
})

describe('DESIGN §3: also exported', () => {
  it('ExecutionTracker and MetricsCollector have the documented methods', async () => {
    const tracker = new ExecutionTracker()
    expectTypeOf(tracker.getRoutinePerformance).parameters.toEqualTypeOf<[id: string]>()
    expect(tracker.getRoutinePerformance('x')).toBeUndefined()
    expect(tracker.getFlowPerformance().status).toBe('idle')
    expect(tracker.getPerformanceMetrics().routines).toEqual({})

    const metrics = new MetricsCollector()
    metrics.counter('jobs_total', 'Jobs', { kind: 'a' }).inc(2)
    metrics.gauge('active', 'Active').set(3)
    metrics.histogram('latency_seconds', 'Latency', {}, [0.1, 1]).observe(0.5)
    expectTypeOf(metrics.getCounter).parameters.toEqualTypeOf<
      [name: string, labels?: Readonly<Record<string, string>>]
    >()
    expect(metrics.getCounter('jobs_total', { kind: 'a' })?.value).toBe(2)
    expect(metrics.getCounter('jobs_total')).toBeUndefined()
    const text = await metrics.exportPrometheus()
    expect(text).toContain('jobs_total{kind="a"} 2')
    expect(text).toContain('active 3')
    expect(text).toContain('latency_seconds_bucket{le="1"} 1')
  })

  it('the routine registry, the document functions and the D2 exporter work together', () => {
    const registry = new RoutineRegistry(createBuiltinRoutines())
    const descriptors = registry.describe()
    expect(descriptors.map((d) => d.type)).toContain('flow.trigger')
    const doc = createDocument('api', 'API')
    doc.routines.push({ id: 'start', type: 'flow.trigger', config: {} })
    const loaded = parseDocument(saveDocument(doc), { descriptors })
    expect(loaded.ok).toBe(true)
    expect(exportD2(loaded.document ?? doc, { descriptors, style: 'compact' })).toContain('"start"')
  })
})
