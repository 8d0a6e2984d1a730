/**
 * The flow's FIFO scheduler: one queue, at most `maxWorkers` items in flight. Synchronous work runs
 * in a tight loop without a promise per item; the loop hands control back to the event loop every
 * few milliseconds so timers, cancel requests and UI traffic are served during an emit storm.
 */
import { clock } from './clock'
import { nextMacrotask } from './macrotask'
import { RingQueue } from './ring-queue'

/** Longest synchronous stretch before the scheduler yields to the event loop. */
export const SLICE_MS = 4

/** FIFO dispatcher with a worker limit; `start` must eventually call `release()` once per item. */
export class Scheduler<T> {
  readonly queue = new RingQueue<T>(64)
  running = 0
  readonly maxWorkers: number
  readonly #start: (item: T) => void
  #pumping = false
  #kicked = false
  #yielding = false
  readonly #onKick = (): void => {
    this.#kicked = false
    this.pump()
  }
  readonly #onYield = (): void => {
    this.#yielding = false
    this.pump()
  }

  constructor(maxWorkers: number, start: (item: T) => void) {
    this.maxWorkers = maxWorkers
    this.#start = start
  }

  /** Queues `item` at the tail; dispatch happens on a later microtask (never inside the caller). */
  push(item: T): void {
    this.queue.push(item)
    this.kick()
  }

  /** Makes sure a pump is pending (no-op while pumping or yielding, which will pick the work up). */
  kick(): void {
    if (this.#pumping || this.#kicked || this.#yielding) return
    this.#kicked = true
    queueMicrotask(this.#onKick)
  }

  /** Marks one in-flight item as finished (the caller pumps if it is outside the loop). */
  release(): void {
    this.running--
  }

  /** Dispatches queued items until the worker limit is reached, the queue is empty or the slice is used up. */
  pump(): void {
    if (this.#pumping || this.#yielding) return
    this.#pumping = true
    const deadline = clock.sync() + SLICE_MS
    const queue = this.queue
    try {
      while (this.running < this.maxWorkers && queue.length > 0) {
        const item = queue.shift() as T
        this.running++
        this.#start(item)
        if (clock.lastPerf() > deadline) {
          if (queue.length > 0) {
            this.#yielding = true
            nextMacrotask(this.#onYield)
          }
          break
        }
      }
    } finally {
      this.#pumping = false
      clock.stale()
    }
  }
}
