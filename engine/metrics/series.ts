/**
 * One labelled time series of a metric family. Each series keeps its state in plain fields (an update
 * is an addition or a short bucket search, never a label lookup) and hands it to prom-client when
 * the registry is scraped.
 */
import { ErrorCode, RoutiluxError } from '../errors'

/** Label values of one series, keyed by label name. */
export type Labels = Readonly<Record<string, string>>

/** A monotonically increasing count. */
export class CounterMetric {
  #value = 0

  constructor(
    readonly name: string,
    readonly labels: Labels,
  ) {}

  /** Adds `amount` (default 1); a negative or non-finite amount is an `INVALID_ARGUMENT` error. */
  inc(amount = 1): void {
    if (!(amount >= 0) || amount === Number.POSITIVE_INFINITY) {
      throw new RoutiluxError(
        ErrorCode.INVALID_ARGUMENT,
        `Counter ${this.name} can only be increased by a finite amount ≥ 0`,
        {
          amount: String(amount),
        },
      )
    }
    this.#value += amount
  }

  /** Current value. */
  get value(): number {
    return this.#value
  }

  /** Back to zero. */
  clear(): void {
    this.#value = 0
  }
}

/** A value that goes up and down. */
export class GaugeMetric {
  #value = 0

  constructor(
    readonly name: string,
    readonly labels: Labels,
  ) {}

  /** Sets the value. */
  set(value: number): void {
    this.#value = value
  }

  /** Adds `amount` (default 1). */
  inc(amount = 1): void {
    this.#value += amount
  }

  /** Subtracts `amount` (default 1). */
  dec(amount = 1): void {
    this.#value -= amount
  }

  /** Current value. */
  get value(): number {
    return this.#value
  }

  /** Back to zero. */
  clear(): void {
    this.#value = 0
  }
}

/** Cumulative bucket counts and totals of one histogram series. */
export interface HistogramSnapshot {
  readonly count: number
  readonly sum: number
  /** Cumulative counts per upper bound, ending with `le: +Infinity`. */
  readonly buckets: readonly { readonly le: number; readonly count: number }[]
}

/** A distribution of observed values in fixed buckets. */
export class HistogramMetric {
  #count = 0
  #sum = 0
  readonly #bucketCounts: Float64Array

  constructor(
    readonly name: string,
    readonly labels: Labels,
    readonly upperBounds: readonly number[],
  ) {
    this.#bucketCounts = new Float64Array(upperBounds.length)
  }

  /** Number of observations. */
  get count(): number {
    return this.#count
  }

  /** Sum of observed values. */
  get sum(): number {
    return this.#sum
  }

  /** Records one value; a non-finite value is an `INVALID_ARGUMENT` error. */
  observe(value: number): void {
    if (!Number.isFinite(value)) {
      throw new RoutiluxError(ErrorCode.INVALID_ARGUMENT, `Histogram ${this.name} needs a finite value`, {
        value: String(value),
      })
    }
    this.#count++
    this.#sum += value
    const bounds = this.upperBounds
    for (let i = 0; i < bounds.length; i++) {
      if (value <= (bounds[i] as number)) {
        this.#bucketCounts[i] = (this.#bucketCounts[i] ?? 0) + 1
        return
      }
    }
  }

  /** Starts a timer; calling the returned function observes the elapsed seconds and returns them. */
  startTimer(): () => number {
    const start = performance.now()
    return () => {
      const seconds = (performance.now() - start) / 1000
      this.observe(seconds)
      return seconds
    }
  }

  /** Count, sum and cumulative buckets, as the Prometheus exposition would show them. */
  snapshot(): HistogramSnapshot {
    const buckets: { le: number; count: number }[] = []
    let cumulative = 0
    this.upperBounds.forEach((le, i) => {
      cumulative += this.#bucketCounts[i] ?? 0
      buckets.push({ le, count: cumulative })
    })
    buckets.push({ le: Number.POSITIVE_INFINITY, count: this.#count })
    return { count: this.#count, sum: this.#sum, buckets }
  }

  /** Forgets every observation. */
  clear(): void {
    this.#count = 0
    this.#sum = 0
    this.#bucketCounts.fill(0)
  }
}
