/**
 * The executor's clock. Reading the system clock costs tens of nanoseconds, which matters at a
 * million deliveries per second, so inside a scheduler slice a delivery reuses the previous
 * delivery's end reading as its start, and everything stamped while a handler runs synchronously
 * (emits, logs) reuses the handler's start stamp. Globals are looked up at call time so test fake
 * timers drive the clock too.
 */

let offset = Date.now() - performance.now()
let frozen = -1
let last = 0
/** True while `last` is a reading taken just now inside a scheduler slice. */
let fresh = false

/** Shared monotonic/epoch clock used by every flow (handlers never run nested across flows). */
export const clock = {
  /** Starts a scheduler slice: re-reads the epoch offset and the monotonic time. */
  sync(): number {
    last = performance.now()
    offset = Date.now() - last
    fresh = true
    return last
  },
  /** Ends a scheduler slice: later starts must read the clock again. */
  stale(): void {
    fresh = false
  },
  /** Monotonic start time of a delivery (the previous end inside a slice). */
  start(): number {
    if (fresh) {
      fresh = false
      return last
    }
    last = performance.now()
    return last
  },
  /** Monotonic end time of a delivery; the next start in the same slice reuses it. */
  end(): number {
    last = performance.now()
    fresh = true
    return last
  },
  /** The latest monotonic reading. */
  lastPerf(): number {
    return last
  },
  /** Epoch milliseconds for a monotonic reading. */
  epochOf(perf: number): number {
    return offset + perf
  },
  /** Epoch milliseconds now: the frozen stamp inside a synchronous handler, else a fresh reading. */
  now(): number {
    return frozen >= 0 ? frozen : Date.now()
  },
  /** Stamps everything until `thaw()` with `epoch`. */
  freeze(epoch: number): void {
    frozen = epoch
  },
  /** Ends a `freeze`. */
  thaw(): void {
    frozen = -1
  },
}
