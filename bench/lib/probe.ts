/**
 * The harness probe of workloads.md §1.4: a counter with a target that stamps a monotonic time when
 * the target is reached. It lives outside the engine.
 */
export class Probe {
  count = 0
  sum = 0
  last = Number.NaN
  doneAt = Number.NaN
  values: number[] | undefined
  /** Called with the running count after each hit (memory sampling). */
  onHit: ((count: number) => void) | undefined
  #target = 1

  /** Resets the probe for a new repetition; `keepValues` records every hit (for validation). */
  reset(target: number, keepValues = false): void {
    this.count = 0
    this.sum = 0
    this.last = Number.NaN
    this.doneAt = Number.NaN
    this.values = keepValues ? [] : undefined
    this.#target = target
  }

  /** One expected delivery was handled with value `x`. */
  hit(x: number): void {
    this.count++
    this.sum += x
    this.last = x
    this.values?.push(x)
    if (this.count === this.#target) this.doneAt = performance.now()
    if (this.onHit !== undefined) this.onHit(this.count)
  }

  /** True once the target was reached. */
  get done(): boolean {
    return this.count >= this.#target
  }
}
