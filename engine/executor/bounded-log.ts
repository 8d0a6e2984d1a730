/**
 * A log bounded by size and age. Trimming runs on every append and costs O(1) amortised: records
 * are appended in time order, so expired ones are always at the oldest end.
 */
import { RingQueue } from './ring-queue'

/** Size and age limits; `maxSize` may be `Infinity`, `ttlMs` 0 disables the age limit. */
export interface LogLimits {
  readonly maxSize: number
  readonly ttlMs: number
}

/** Records with an epoch-millisecond `timestamp`, oldest first. */
export class BoundedLog<T extends { readonly timestamp: number }> {
  readonly limits: LogLimits
  readonly #items = new RingQueue<T>()

  constructor(limits: LogLimits) {
    this.limits = limits
  }

  /** Number of records kept. */
  get length(): number {
    return this.#items.length
  }

  /** Appends `record` and trims by size and age (relative to the record's own timestamp). */
  append(record: T): void {
    const { maxSize, ttlMs } = this.limits
    if (maxSize <= 0) return
    const items = this.#items
    items.push(record)
    if (items.length > maxSize) items.shift()
    if (ttlMs > 0) {
      const cutoff = record.timestamp - ttlMs
      let oldest = items.peek()
      while (oldest !== undefined && oldest.timestamp <= cutoff) {
        items.shift()
        oldest = items.peek()
      }
    }
  }

  /** Adds records without trimming (used when restoring a snapshot verbatim). */
  restore(records: readonly T[]): void {
    for (const record of records) this.#items.push(record)
  }

  /** The kept records, oldest first, as a new array. */
  toArray(): T[] {
    return this.#items.toArray()
  }
}
