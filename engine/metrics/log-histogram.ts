/**
 * A fixed-size, log-bucketed histogram of durations in milliseconds. Memory is constant whatever the
 * number of samples, recording is O(1) without allocation, and quantiles are accurate to about ±5 %
 * (eight buckets per power of two), which is what a performance overview needs.
 */

/** Smallest distinguished duration (1 µs); anything at or below it lands in bucket 0. */
const MIN_MS = 0.001
/** Buckets per doubling. */
const STEPS_PER_OCTAVE = 8
/** 36 doublings above 1 µs reach about 19 hours; longer samples share the last bucket. */
const BUCKETS = 36 * STEPS_PER_OCTAVE + 1

/** Quantiles reported by `LogHistogram.quantiles`. */
export interface DurationPercentiles {
  readonly p50: number
  readonly p90: number
  readonly p95: number
  readonly p99: number
  readonly max: number
}

/** Records non-negative durations (ms) into log-spaced buckets and answers quantile queries. */
export class LogHistogram {
  #counts: Uint32Array | undefined
  #count = 0
  #min = Number.POSITIVE_INFINITY
  #max = 0

  /** Number of recorded samples. */
  get count(): number {
    return this.#count
  }

  /** Records one duration in milliseconds; negative or NaN values count as 0. */
  record(ms: number): void {
    const value = Number.isNaN(ms) ? 0 : Math.max(ms, 0)
    // Allocated on first use: many jobs never record a duration (a tracker exists per job).
    if (this.#counts === undefined) this.#counts = new Uint32Array(BUCKETS)
    const index = bucketOf(value)
    this.#counts[index] = (this.#counts[index] ?? 0) + 1
    this.#count++
    if (value < this.#min) this.#min = value
    if (value > this.#max) this.#max = value
  }

  /** Approximate value at quantile `q` in [0, 1], clamped to the observed min and max; 0 when empty. */
  quantile(q: number): number {
    const counts = this.#counts
    if (counts === undefined || this.#count === 0) return 0
    const rank = Math.max(1, Math.ceil(Math.min(1, Math.max(0, q)) * this.#count))
    let seen = 0
    for (let i = 0; i < BUCKETS; i++) {
      seen += counts[i] ?? 0
      if (seen < rank) continue
      // The lowest and the overflow bucket have no finite width: their best estimate is the extreme.
      if (i === 0) return this.#min
      if (i === BUCKETS - 1) return this.#max
      return clamp(representative(i), this.#min, this.#max)
    }
    return this.#max
  }

  /** The usual quantiles of a latency overview. */
  quantiles(): DurationPercentiles {
    return {
      p50: this.quantile(0.5),
      p90: this.quantile(0.9),
      p95: this.quantile(0.95),
      p99: this.quantile(0.99),
      max: this.#count === 0 ? 0 : this.#max,
    }
  }
}

function bucketOf(ms: number): number {
  if (ms <= MIN_MS) return 0
  const index = Math.ceil(Math.log2(ms / MIN_MS) * STEPS_PER_OCTAVE)
  return index < BUCKETS ? index : BUCKETS - 1
}

/** Geometric middle of bucket `i` (i ≥ 1), i.e. of (MIN·2^((i−1)/S), MIN·2^(i/S)]. */
function representative(i: number): number {
  return MIN_MS * 2 ** ((i - 0.5) / STEPS_PER_OCTAVE)
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high)
}
