/**
 * The prom-client side of a histogram family. Observations are aggregated in `HistogramMetric`
 * series (an observation is a bucket search and three additions, no label hashing); this subclass
 * of prom-client's `Histogram` hands their state to the registry when it is scraped, so prom-client
 * still does the exposition (HELP/TYPE once, label escaping, number format).
 */
import { Histogram, type HistogramConfiguration } from 'prom-client'
import type { HistogramMetric } from './series'

type HistogramData = Awaited<ReturnType<Histogram<string>['get']>>
type HistogramValue = HistogramData['values'][number]

/** A prom-client histogram family whose values come from `series`. */
export class SeriesHistogram extends Histogram<string> {
  // Not a #private field: prom-client's constructor calls reset() before subclass fields exist.
  private series: ReadonlyMap<string, HistogramMetric> | undefined
  readonly #name: string
  readonly #help: string

  constructor(config: HistogramConfiguration<string>, series: ReadonlyMap<string, HistogramMetric>) {
    super(config)
    this.series = series
    this.#name = config.name
    this.#help = config.help
  }

  /** The family in prom-client's metric-object form, built from the series. */
  override async get(): Promise<HistogramData> {
    const values: HistogramValue[] = []
    for (const s of this.series?.values() ?? []) {
      const { buckets, count, sum } = s.snapshot()
      for (const bucket of buckets) {
        values.push({
          labels: { ...s.labels, le: bucket.le === Number.POSITIVE_INFINITY ? '+Inf' : bucket.le },
          value: bucket.count,
          metricName: `${this.#name}_bucket`,
        })
      }
      values.push({ labels: { ...s.labels }, value: sum, metricName: `${this.#name}_sum` })
      values.push({ labels: { ...s.labels }, value: count, metricName: `${this.#name}_count` })
    }
    return {
      name: this.#name,
      help: this.#help,
      // prom-client types `type` as a numeric enum, but at run time (and in the output) it is this string.
      type: 'histogram' as unknown as HistogramData['type'],
      aggregator: 'sum',
      collect: () => {},
      values,
    }
  }

  /** The registry renders histograms through this method when it exists; serve the same data. */
  getForPromString(): Promise<HistogramData> {
    return this.get()
  }

  /** Zeroes every series. */
  override reset(): void {
    for (const s of this.series?.values() ?? []) s.clear()
  }
}
