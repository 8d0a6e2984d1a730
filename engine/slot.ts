/**
 * An input slot of a routine: a handler plus how deliveries merge and an optional validator. Merge
 * buffers live in the job, never on the slot, so jobs cannot see each other's data.
 */
import type { MergeStrategy, SlotHandler } from './context'
import { ErrorCode, RoutiluxError } from './errors'
import type { Validator } from './validator'

/** Options of `Routine.defineSlot`. */
export interface SlotOptions {
  merge?: MergeStrategy
  validator?: Validator
}

/** A named input of a routine. */
export class Slot {
  readonly name: string
  readonly handler: SlotHandler | undefined
  readonly merge: MergeStrategy
  readonly validator: Validator | undefined

  constructor(name: string, handler?: SlotHandler, options: SlotOptions = {}) {
    const merge = options.merge ?? 'override'
    if (merge !== 'override' && merge !== 'append' && typeof merge !== 'function') {
      throw new RoutiluxError(ErrorCode.INVALID_ARGUMENT, `unknown merge strategy for slot "${name}"`, {
        slot: name,
      })
    }
    if (handler !== undefined && typeof handler !== 'function') {
      throw new RoutiluxError(ErrorCode.INVALID_ARGUMENT, `handler of slot "${name}" is not a function`)
    }
    this.name = name
    this.handler = handler
    this.merge = merge
    this.validator = options.validator
  }
}
