/**
 * Engine test harness: build a flow in a few lines, run it, and assert on what routines received,
 * the execution events and the job history — so engine tests read like scripts.
 *
 * @example
 * const h = new FlowHarness()
 * h.source('src').sink('out')
 * h.wire('src.out -> out.in')
 * const job = await h.run('src', { items: [1, 2] })
 * expect(h.received('out')).toEqual([{ item: 1 }, { item: 2 }])
 */
import type { MergeStrategy, RoutineContext, SlotHandler } from '../context'
import type { ErrorHandler } from '../error-handler'
import { isRoutiluxError } from '../errors'
import type { ExecutionEvent, ExecutionEventType } from '../events'
import { type ExecuteOptions, Flow, type FlowOptions } from '../flow'
import type { JobState } from '../job-state'
import { Routine } from '../routine'
import type { Payload } from '../types'
import type { Validator } from '../validator'

/** A slot in a routine spec: a handler, or a handler with merge/validator options. */
export type SlotSpec = SlotHandler | { handler?: SlotHandler; merge?: MergeStrategy; validator?: Validator }

/** A routine described inline. */
export interface RoutineSpec {
  slots?: Record<string, SlotSpec>
  events?: string[]
  config?: Payload
  errorHandler?: ErrorHandler
}

/** Builds a `Routine` from an inline spec. */
export function makeRoutine(spec: RoutineSpec): Routine {
  const routine = new Routine(spec.config)
  for (const event of spec.events ?? []) routine.defineEvent(event)
  for (const [name, slot] of Object.entries(spec.slots ?? {})) {
    if (typeof slot === 'function') routine.defineSlot(name, slot)
    else routine.defineSlot(name, slot.handler, { merge: slot.merge, validator: slot.validator })
  }
  if (spec.errorHandler) routine.setErrorHandler(spec.errorHandler)
  return routine
}

/** Resolves after `ms` milliseconds (real or fake timers). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** A promise with its resolve function exposed. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

/** Lets queued microtasks and one macrotask turn run. */
export function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** The code of the `RoutiluxError` that `fn` throws, `undefined` when it returns, or a "not coded" text. */
export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (error) {
    return isRoutiluxError(error) ? error.code : `not coded: ${String(error)}`
  }
  return undefined
}

/** A flow plus recorders of what its routines received and what it published. */
export class FlowHarness {
  readonly flow: Flow
  /** Every execution event of the flow, in publication order. */
  readonly events: ExecutionEvent[] = []
  readonly #received = new Map<string, Payload[]>()
  readonly #contexts = new Map<string, RoutineContext[]>()

  constructor(options?: FlowOptions) {
    this.flow = new Flow(options)
    this.flow.observe((event) => this.events.push(event))
  }

  /** Adds a routine built from `spec` under `id`. */
  routine(id: string, spec: RoutineSpec): this {
    this.flow.addRoutine(makeRoutine(spec), id)
    return this
  }

  /** Adds a routine whose `trigger` emits `out` once per item of `data.items` (`{item}`), or `data` itself. */
  source(id: string, extra: Omit<RoutineSpec, 'slots' | 'events'> = {}): this {
    return this.routine(id, {
      ...extra,
      events: ['out'],
      slots: {
        trigger: (data, ctx) => {
          if (Array.isArray(data.items)) for (const item of data.items) ctx.emit('out', { item })
          else ctx.emit('out', data)
        },
      },
    })
  }

  /** Adds a routine whose `in` slot records each payload and re-emits it (optionally mapped) on `out`. */
  relay(
    id: string,
    map: (data: Payload, ctx: RoutineContext) => Payload = (data) => data,
    extra: RoutineSpec = {},
  ): this {
    return this.routine(id, {
      ...extra,
      events: ['out', ...(extra.events ?? [])],
      slots: {
        in: (data, ctx) => {
          this.#record(id, data, ctx)
          ctx.emit('out', map(data, ctx))
        },
        ...extra.slots,
      },
    })
  }

  /** Adds a routine whose slot (default `in`) records every payload it gets. */
  sink(
    id: string,
    options: {
      slot?: string
      merge?: MergeStrategy
      validator?: Validator
      errorHandler?: ErrorHandler
    } = {},
  ): this {
    return this.routine(id, {
      errorHandler: options.errorHandler,
      slots: {
        [options.slot ?? 'in']: {
          handler: (data, ctx) => this.#record(id, data, ctx),
          merge: options.merge,
          validator: options.validator,
        },
      },
    })
  }

  /** Records a payload as received by `id` (for custom handlers that want `received()` too). */
  record(id: string, data: Payload, ctx: RoutineContext): void {
    this.#record(id, data, ctx)
  }

  /** Connects `'a.out -> b.in'` specs. */
  wire(...specs: string[]): this {
    for (const spec of specs) {
      const match = /^\s*([\w-]+)\.([\w-]+)\s*->\s*([\w-]+)\.([\w-]+)\s*$/.exec(spec)
      if (match === null) throw new Error(`bad wire spec "${spec}"`)
      const [, source, event, target, slot] = match as unknown as [string, string, string, string, string]
      this.flow.connect(source, event, target, slot)
    }
    return this
  }

  /** Runs a job to its end. */
  run(entryId: string, params?: Payload, options?: ExecuteOptions): Promise<JobState> {
    return this.flow.run(entryId, params, options)
  }

  /** Payloads routine `id` recorded, across all jobs (or one job). */
  received(id: string, job?: JobState): Payload[] {
    const all = this.#received.get(id) ?? []
    if (job === undefined) return all
    const contexts = this.#contexts.get(id) ?? []
    return all.filter((_, i) => contexts[i]?.job === job)
  }

  /** Contexts routine `id` recorded, in order. */
  contexts(id: string): RoutineContext[] {
    return this.#contexts.get(id) ?? []
  }

  /** Events of `job` (optionally of one type), in order. */
  eventsOf<T extends ExecutionEventType>(job: JobState, type?: T): Extract<ExecutionEvent, { type: T }>[] {
    return this.events.filter(
      (e) => e.jobId === job.jobId && (type === undefined || e.type === type),
    ) as Extract<ExecutionEvent, { type: T }>[]
  }

  /** Event types of `job`, in order. */
  types(job: JobState): ExecutionEventType[] {
    return this.eventsOf(job).map((e) => e.type)
  }

  /** `routineId.event` strings of the job's history. */
  history(job: JobState): string[] {
    return job.history.map((r) => `${r.routineId}.${r.event}`)
  }

  #record(id: string, data: Payload, ctx: RoutineContext): void {
    let list = this.#received.get(id)
    let contexts = this.#contexts.get(id)
    if (list === undefined || contexts === undefined) {
      list = []
      contexts = []
      this.#received.set(id, list)
      this.#contexts.set(id, contexts)
    }
    list.push(data)
    contexts.push(ctx)
  }
}
