/**
 * Activity of one batch interval (deliveries, completions, errors, duration percentiles) for the
 * metrics charts. Durations go into a fixed-size reservoir, so a busy interval costs constant memory.
 */
import type { JobWindow } from '../../ipc/contract'

const RESERVOIR = 1024

export class WindowStats {
  deliveries = 0
  completed = 0
  errors = 0
  readonly #durations = new Float64Array(RESERVOIR)
  #seen = 0
  #max = 0
  #since: number | undefined

  recordDuration(ms: number): void {
    if (ms > this.#max) this.#max = ms
    if (this.#seen < RESERVOIR) this.#durations[this.#seen] = ms
    else {
      // Reservoir sampling keeps a uniform sample of the whole interval.
      const slot = Math.floor(Math.random() * (this.#seen + 1))
      if (slot < RESERVOIR) this.#durations[slot] = ms
    }
    this.#seen++
  }

  /** The interval's figures; starts the next interval. */
  take(now: number): JobWindow {
    const kept = Math.min(this.#seen, RESERVOIR)
    const sorted = this.#durations.slice(0, kept).sort()
    const window: JobWindow = {
      intervalMs: this.#since === undefined ? 0 : Math.max(0, now - this.#since),
      deliveries: this.deliveries,
      completed: this.completed,
      errors: this.errors,
      durationP50Ms: kept === 0 ? null : quantile(sorted, 0.5),
      durationP95Ms: kept === 0 ? null : quantile(sorted, 0.95),
      durationMaxMs: kept === 0 ? null : this.#max,
    }
    this.deliveries = 0
    this.completed = 0
    this.errors = 0
    this.#seen = 0
    this.#max = 0
    this.#since = now
    return window
  }
}

function quantile(sorted: Float64Array, q: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[index] ?? 0
}
