/**
 * Conformance of `engine/index.ts` with DESIGN §3, the contract other packages and their tests import:
 * every name is exported and every listed member has the documented signature (checked by the type
 * checker through `expectTypeOf` and `@ts-expect-error`). public-api-run.test.ts exercises each
 * option and method at run time.
 */
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { ExecutionEvent } from './index'
import {
  type Connection,
  ErrorHandler,
  ErrorStrategy,
  Event,
  type ExecutionTracker,
  Flow,
  JobState,
  type MergeStrategy,
  type MetricsCollector,
  type Payload,
  RoutiluxError,
  Routine,
  type RoutineContext,
  Slot,
  type SlotHandler,
  Validator,
} from './index'

type JobOptions = { slot?: string; timeoutMs?: number }

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
})
