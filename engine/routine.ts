/**
 * A routine: named input slots (with handlers) and output events, plus config. Routines hold no
 * per-execution state; everything that varies per run lives in the JobState.
 */
import type { MergeStrategy, SlotHandler } from './context'
import type { ErrorHandler } from './error-handler'
import { ErrorCode, RoutiluxError } from './errors'
import { Event } from './event'
import { Slot } from './slot'
import type { Payload } from './types'
import type { Validator } from './validator'

/** A unit of work with input slots and output events. Subclass it or configure an instance. */
export class Routine {
  readonly #slots = new Map<string, Slot>()
  readonly #events = new Map<string, Event>()
  #config: Payload
  #errorHandler: ErrorHandler | undefined

  constructor(config: Payload = {}) {
    this.#config = { ...config }
  }

  /** Declares an input slot; a duplicate name throws `DUPLICATE_SLOT`. */
  defineSlot(
    name: string,
    handler?: SlotHandler,
    options?: { merge?: MergeStrategy; validator?: Validator },
  ): Slot {
    if (this.#slots.has(name)) {
      throw new RoutiluxError(ErrorCode.DUPLICATE_SLOT, `slot "${name}" already exists`, { slot: name })
    }
    const slot = new Slot(name, handler, options)
    this.#slots.set(name, slot)
    return slot
  }

  /** Declares an output event; `outputParams` documents its keys. A duplicate throws `DUPLICATE_EVENT`. */
  defineEvent(name: string, outputParams?: string[]): Event {
    if (this.#events.has(name)) {
      throw new RoutiluxError(ErrorCode.DUPLICATE_EVENT, `event "${name}" already exists`, { event: name })
    }
    const event = new Event(name, outputParams)
    this.#events.set(name, event)
    return event
  }

  /** The slot called `name`, if declared. */
  getSlot(name: string): Slot | undefined {
    return this.#slots.get(name)
  }

  /** The event called `name`, if declared. */
  getEvent(name: string): Event | undefined {
    return this.#events.get(name)
  }

  /** Declared slots in declaration order. */
  get slots(): ReadonlyMap<string, Slot> {
    return this.#slots
  }

  /** Declared events in declaration order. */
  get events(): ReadonlyMap<string, Event> {
    return this.#events
  }

  /** Shallow-merges `patch` into the config. */
  configure(patch: Payload): this {
    this.#config = { ...this.#config, ...patch }
    return this
  }

  /** The config value at `key`, or `fallback` when it is absent or undefined. */
  getConfig<T>(key: string, fallback?: T): T {
    const value = this.#config[key]
    return (value === undefined ? fallback : value) as T
  }

  /** The current config (replace it through `configure`). */
  get config(): Readonly<Payload> {
    return this.#config
  }

  /** Sets (or clears) the routine-level error handler, which beats the flow-level one. */
  setErrorHandler(handler: ErrorHandler | undefined): this {
    this.#errorHandler = handler
    return this
  }

  /** The routine-level error handler, if any. */
  get errorHandler(): ErrorHandler | undefined {
    return this.#errorHandler
  }
}
