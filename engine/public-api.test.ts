/**
 * Conformance of `engine/index.ts` with DESIGN §3, the contract other packages and their tests import:
 * every name is exported, every listed member has the documented signature (checked by the type
 * checker through `expectTypeOf` and `@ts-expect-error`), and each option and method is exercised
 * once at run time so a rename or a silently ignored option fails here.
 */
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { ExecutionEvent } from './index'
import {
  Connection,
  createBuiltinRoutines,
  createDocument,
  ErrorHandler,
  ErrorStrategy,
  Event,
  ExecutionTracker,
  exportD2,
  Flow,
  JobState,
  type MergeStrategy,
  MetricsCollector,
  type Payload,
  parseDocument,
  RoutiluxError,
  Routine,
  type RoutineContext,
  RoutineRegistry,
  Slot,
  type SlotHandler,
  saveDocument,
  Validator,
} from './index'

type JobOptions = { slot?: string; timeoutMs?: number }
type Snapshot = ReturnType<JobState['toJSON']>

async function codeOf(action: () => unknown): Promise<string | undefined> {
  try {
    await action()
  } catch (error) {
    return error instanceof RoutiluxError ? error.code : `not a RoutiluxError: ${String(error)}`
  }
  return undefined
}

describe('DESIGN §3: types', () => {
  it('Payload, MergeStrategy and SlotHandler have the documented shapes', () => {
    expectTypeOf<Payload>().toEqualTypeOf<Record<string, unknown>>()
    expectTypeOf<MergeStrategy>().toEqualTypeOf<
      'override' | 'append' | ((previous: Payload, incoming: Payload) => Payload)
    >()
    expectTypeOf<SlotHandler>().toEqualTypeOf<(data: Payload, ctx: RoutineContext) => void | Promise<void>>()
    expect(ErrorStrategy).toEqual({ STOP: 'stop', CONTINUE: 'continue', RETRY: 'retry', SKIP: 'skip' })
  })

  it('RoutineContext has the documented read-only members and emit', () => {
    expectTypeOf<RoutineContext['routineId']>().toEqualTypeOf<string>()
    expectTypeOf<RoutineContext['slotName']>().toEqualTypeOf<string>()
    expectTypeOf<RoutineContext['job']>().toEqualTypeOf<JobState>()
    expectTypeOf<RoutineContext['flow']>().toEqualTypeOf<Flow>()
    expectTypeOf<RoutineContext['config']>().toEqualTypeOf<Readonly<Payload>>()
    expectTypeOf<RoutineContext['signal']>().toEqualTypeOf<AbortSignal>()
    expectTypeOf<RoutineContext['attempt']>().toEqualTypeOf<number>()
    expectTypeOf<RoutineContext['emit']>().toEqualTypeOf<(event: string, data?: Payload) => void>()
    const readOnly = (ctx: RoutineContext) => {
      // @ts-expect-error routineId is read-only
      ctx.routineId = 'x'
      // @ts-expect-error attempt is read-only
      ctx.attempt = 2
    }
    expect(typeof readOnly).toBe('function')
  })
})

describe('DESIGN §3: Routine, Slot, Event, Validator', () => {
  it('Routine has the documented constructor, methods and read-only properties', () => {
    expectTypeOf(Routine).constructorParameters.toEqualTypeOf<[config?: Payload]>()
    expectTypeOf<Routine['defineSlot']>().toEqualTypeOf<
      (
        name: string,
        handler?: SlotHandler,
        options?: { merge?: MergeStrategy; validator?: Validator },
      ) => Slot
    >()
    expectTypeOf<Routine['defineEvent']>().toEqualTypeOf<(name: string, outputParams?: string[]) => Event>()
    expectTypeOf<Routine['getSlot']>().toEqualTypeOf<(name: string) => Slot | undefined>()
    expectTypeOf<Routine['getEvent']>().toEqualTypeOf<(name: string) => Event | undefined>()
    expectTypeOf<Routine['slots']>().toEqualTypeOf<ReadonlyMap<string, Slot>>()
    expectTypeOf<Routine['events']>().toEqualTypeOf<ReadonlyMap<string, Event>>()
    expectTypeOf<Routine['configure']>().toEqualTypeOf<(patch: Payload) => Routine>()
    expectTypeOf<Routine['config']>().toEqualTypeOf<Readonly<Payload>>()
    expectTypeOf<Routine['setErrorHandler']>().toEqualTypeOf<(handler: ErrorHandler | undefined) => Routine>()
    expectTypeOf<Routine['errorHandler']>().toEqualTypeOf<ErrorHandler | undefined>()

    const routine = new Routine({ size: 1 })
    const validator = Validator.types({ n: 'number' })
    const slot = routine.defineSlot('input', () => {}, { merge: 'append', validator })
    const event = routine.defineEvent('output', ['n'])
    expect(slot).toBeInstanceOf(Slot)
    expect([slot.name, slot.merge, slot.validator]).toEqual(['input', 'append', validator])
    expect(event).toBeInstanceOf(Event)
    expect([event.name, event.outputParams]).toEqual(['output', ['n']])
    expect(routine.getSlot('input')).toBe(slot)
    expect(routine.getEvent('output')).toBe(event)
    expect(routine.getSlot('nope')).toBeUndefined()
    expect([...routine.slots.keys()]).toEqual(['input'])
    expect([...routine.events.keys()]).toEqual(['output'])
    expect(routine.configure({ label: 'a' })).toBe(routine)
    expect(routine.config).toEqual({ size: 1, label: 'a' })
    expect(routine.getConfig<number>('size')).toBe(1)
    expect(routine.getConfig('missing', 'fallback')).toBe('fallback')
    const handler = new ErrorHandler({ strategy: 'skip' })
    expect(routine.setErrorHandler(handler)).toBe(routine)
    expect(routine.errorHandler).toBe(handler)
    routine.setErrorHandler(undefined)
    expect(routine.errorHandler).toBeUndefined()
    const readOnly = () => {
      // @ts-expect-error slots is read-only
      routine.slots = new Map()
      // @ts-expect-error config is read-only
      routine.config = {}
    }
    expect(typeof readOnly).toBe('function')
  })

  it('Validator.types and Validator.custom build validators', () => {
    expectTypeOf(Validator.types)
      .parameter(0)
      .toEqualTypeOf<Readonly<Record<string, 'string' | 'number' | 'boolean' | 'object' | 'array'>>>()
    expect(() => Validator.types({ n: 'number' }).validate({ n: 'x' })).toThrow(RoutiluxError)
    expect(() => Validator.custom((d) => d.ok === true || 'not ok').validate({ ok: true })).not.toThrow()
  })
})

describe('DESIGN §3: Flow, JobState, ErrorHandler, RoutiluxError', () => {
  it('Flow has the documented constructor options, members and method signatures', () => {
    expectTypeOf(Flow).constructorParameters.toExtend<
      [
        options?: {
          id?: string
          executionMode?: 'sequential' | 'concurrent'
          maxWorkers?: number
          errorHandler?: ErrorHandler
          history?: { maxSize?: number; ttlMs?: number }
          handlerTimeoutMs?: number
          metrics?: MetricsCollector
        },
      ]
    >()
    expectTypeOf<Flow['id']>().toEqualTypeOf<string>()
    expectTypeOf<Flow['addRoutine']>().toEqualTypeOf<(routine: Routine, id?: string) => string>()
    expectTypeOf<Flow['removeRoutine']>().toEqualTypeOf<(id: string) => void>()
    expectTypeOf<Flow['connect']>().toExtend<
      (sourceId: string, event: string, targetId: string, slot: string) => Connection
    >()
    expectTypeOf<Flow['disconnect']>().toEqualTypeOf<(connection: Connection | string) => void>()
    expectTypeOf<Flow['routines']>().toEqualTypeOf<ReadonlyMap<string, Routine>>()
    expectTypeOf<Flow['connections']>().toEqualTypeOf<readonly Connection[]>()
    expectTypeOf<Flow['setErrorHandler']>().toEqualTypeOf<(handler: ErrorHandler | undefined) => Flow>()
    expectTypeOf<Flow['execute']>().toEqualTypeOf<
      (entryId: string, params?: Payload, options?: JobOptions) => JobState
    >()
    expectTypeOf<Flow['run']>().toEqualTypeOf<
      (entryId: string, params?: Payload, options?: JobOptions) => Promise<JobState>
    >()
    expectTypeOf<Flow['waitForCompletion']>().toEqualTypeOf<
      (job: JobState, options?: { timeoutMs?: number }) => Promise<boolean>
    >()
    expectTypeOf<Flow['pause']>().toEqualTypeOf<(job: JobState) => Promise<void>>()
    expectTypeOf<Flow['resume']>().toEqualTypeOf<(job: JobState) => void>()
    expectTypeOf<Flow['cancel']>().toEqualTypeOf<(job: JobState) => void>()
    expectTypeOf<Flow['observe']>().toExtend<(listener: (event: ExecutionEvent) => void) => () => void>()
    expectTypeOf<Flow['jobs']>().toEqualTypeOf<ReadonlyMap<string, JobState>>()
    const readOnly = (flow: Flow) => {
      // @ts-expect-error id is read-only
      flow.id = 'x'
      // @ts-expect-error routines is read-only
      flow.routines = new Map()
    }
    expect(typeof readOnly).toBe('function')
  })

  it('JobState has the documented members', () => {
    expectTypeOf<JobState['jobId']>().toEqualTypeOf<string>()
    expectTypeOf<JobState['flowId']>().toEqualTypeOf<string>()
    expectTypeOf<JobState['status']>().toEqualTypeOf<
      'running' | 'paused' | 'completed' | 'failed' | 'cancelled'
    >()
    expectTypeOf<JobState['routineStates'][string]['status']>().toEqualTypeOf<
      'idle' | 'running' | 'completed' | 'failed' | 'skipped' | 'error_continued'
    >()
    expectTypeOf<JobState['history'][number]>().toExtend<{
      routineId: string
      event: string
      data: Payload
      timestamp: number
    }>()
    expectTypeOf<JobState['shared']>().toEqualTypeOf<Payload>()
    expectTypeOf<JobState['error']>().toExtend<
      { code: string; message: string; routineId?: string } | undefined
    >()
    expectTypeOf<JobState['trace']>().toEqualTypeOf<ExecutionTracker>()
    expectTypeOf<JobState['done']>().toEqualTypeOf<Promise<JobState>>()
    expectTypeOf(JobState.fromJSON).toEqualTypeOf<(snapshot: unknown) => JobState>()
    const readOnly = (job: JobState) => {
      // @ts-expect-error jobId is read-only
      job.jobId = 'x'
      // @ts-expect-error done is read-only
      job.done = Promise.resolve(job)
    }
    expect(typeof readOnly).toBe('function')
  })

  it('ErrorHandler takes every documented option, RoutiluxError carries a code and details', () => {
    expectTypeOf(ErrorHandler).constructorParameters.toEqualTypeOf<
      [
        options?: {
          strategy?: ErrorStrategy
          maxRetries?: number
          retryDelayMs?: number
          retryBackoff?: number
          retryable?: (error: unknown) => boolean
          isCritical?: boolean
        },
      ]
    >()
    const handler = new ErrorHandler({
      strategy: ErrorStrategy.RETRY,
      maxRetries: 2,
      retryDelayMs: 5,
      retryBackoff: 3,
      retryable: (error) => error instanceof RangeError,
      isCritical: true,
    })
    expect(handler).toMatchObject({ strategy: 'retry', maxRetries: 2, retryDelayMs: 5, retryBackoff: 3 })
    expect(handler.isCritical).toBe(true)
    expect(handler.isRetryable(new RangeError())).toBe(true)
    expect(handler.isRetryable(new TypeError())).toBe(false)
    expect(handler.delayFor(2)).toBe(15)

    expectTypeOf<RoutiluxError['code']>().toEqualTypeOf<string>()
    expectTypeOf<RoutiluxError['details']>().toEqualTypeOf<Payload | undefined>()
    const error = new RoutiluxError('UNKNOWN_ROUTINE', 'nope', { id: 'x' })
    expect(error).toBeInstanceOf(Error)
    expect([error.code, error.message, error.details]).toEqual(['UNKNOWN_ROUTINE', 'nope', { id: 'x' }])
  })

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
