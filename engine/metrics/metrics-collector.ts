/**
 * A registry of counters, gauges and histograms with labels, exported in the Prometheus text format.
 * Built on prom-client with one private `Registry` per collector (never the process-global one), so
 * two collectors never share series and prom-client does the exposition: one HELP/TYPE per family and
 * escaped label values.
 */
import { Counter, Gauge, Registry } from 'prom-client'
import { ErrorCode, RoutiluxError } from '../errors'
import { CounterMetric, GaugeMetric, HistogramMetric, type Labels } from './series'
import { SeriesHistogram } from './series-histogram'

/** prom-client's (and Prometheus') default buckets, in seconds. */
export const DEFAULT_BUCKETS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

type Kind = 'counter' | 'gauge' | 'histogram'
type SeriesOf<K extends Kind> = K extends 'counter'
  ? CounterMetric
  : K extends 'gauge'
    ? GaugeMetric
    : HistogramMetric

interface Family<K extends Kind> {
  readonly kind: K
  readonly labelNames: readonly string[]
  readonly series: Map<string, SeriesOf<K>>
  readonly create: (labels: Labels) => SeriesOf<K>
  readonly reset: () => void
}

/** Creates, finds and exports labelled metrics; `counter`/`gauge`/`histogram` get or create a series. */
export class MetricsCollector {
  /** The prom-client registry holding this collector's families (for advanced prom-client use). */
  readonly registry = new Registry()
  readonly #families = new Map<string, Family<Kind>>()

  /** The counter series `name{labels}`, created on first use (the first `help` of a family wins). */
  counter(name: string, help: string, labels?: Labels): CounterMetric {
    return this.#series('counter', name, labels, () => this.#counterFamily(name, help, labels))
  }

  /** The gauge series `name{labels}`, created on first use. */
  gauge(name: string, help: string, labels?: Labels): GaugeMetric {
    return this.#series('gauge', name, labels, () => this.#gaugeFamily(name, help, labels))
  }

  /** The histogram series `name{labels}`, created on first use; `buckets` of the first call win. */
  histogram(name: string, help: string, labels?: Labels, buckets?: readonly number[]): HistogramMetric {
    return this.#series('histogram', name, labels, () => this.#histogramFamily(name, help, labels, buckets))
  }

  /** The existing counter series `name{labels}`, or `undefined`. */
  getCounter(name: string, labels?: Labels): CounterMetric | undefined {
    return this.#find('counter', name, labels)
  }

  /** The existing gauge series `name{labels}`, or `undefined`. */
  getGauge(name: string, labels?: Labels): GaugeMetric | undefined {
    return this.#find('gauge', name, labels)
  }

  /** The existing histogram series `name{labels}`, or `undefined`. */
  getHistogram(name: string, labels?: Labels): HistogramMetric | undefined {
    return this.#find('histogram', name, labels)
  }

  /** Every series of family `name` (any kind), in creation order. */
  seriesOf(name: string): readonly (CounterMetric | GaugeMetric | HistogramMetric)[] {
    return [...(this.#families.get(name)?.series.values() ?? [])]
  }

  /** Names of every family, in creation order. */
  get names(): readonly string[] {
    return [...this.#families.keys()]
  }

  /** The Content-Type of `exportPrometheus()` output (Prometheus text format 0.0.4). */
  get contentType(): string {
    return this.registry.contentType
  }

  /** Every family in the Prometheus text exposition format; an empty collector gives `''`. */
  async exportPrometheus(): Promise<string> {
    if (this.#families.size === 0) return ''
    return this.registry.metrics()
  }

  /** Sets every series back to zero, keeping families and series. */
  reset(): void {
    for (const family of this.#families.values()) family.reset()
  }

  #find<K extends Kind>(kind: K, name: string, labels: Labels | undefined): SeriesOf<K> | undefined {
    const family = this.#families.get(name)
    if (family === undefined || family.kind !== kind) return undefined
    // A lookup with other label names finds no series; only creating one with them is an error.
    if (!sameLabelNames(family.labelNames, labels ?? {})) return undefined
    return (family as Family<K>).series.get(seriesKey(family.labelNames, labels ?? {}))
  }

  #series<K extends Kind>(
    kind: K,
    name: string,
    labels: Labels | undefined,
    make: () => Family<K>,
  ): SeriesOf<K> {
    let family = this.#families.get(name) as Family<K> | undefined
    if (family === undefined) {
      family = make()
      this.#families.set(name, family as Family<Kind>)
    } else if (family.kind !== kind) {
      throw new RoutiluxError(ErrorCode.INVALID_ARGUMENT, `Metric ${name} is already a ${family.kind}`, {
        name,
        kind: family.kind,
      })
    }
    const given = labels ?? {}
    const key = seriesKey(family.labelNames, given)
    let series = family.series.get(key)
    if (series === undefined) {
      series = family.create(ordered(family.labelNames, given))
      family.series.set(key, series)
    }
    return series
  }

  #counterFamily(name: string, help: string, labels: Labels | undefined): Family<'counter'> {
    return this.#scalarFamily('counter', name, help, labels, Counter, (l) => new CounterMetric(name, l))
  }

  #gaugeFamily(name: string, help: string, labels: Labels | undefined): Family<'gauge'> {
    return this.#scalarFamily('gauge', name, help, labels, Gauge, (l) => new GaugeMetric(name, l))
  }

  /**
   * A counter or gauge family. Values live in the series objects (a hot-path increment is one
   * addition); prom-client's `collect` hook copies them into its metric when the registry is scraped.
   */
  #scalarFamily<K extends 'counter' | 'gauge'>(
    kind: K,
    name: string,
    help: string,
    labels: Labels | undefined,
    Metric: typeof Counter | typeof Gauge,
    create: (labels: Labels) => SeriesOf<K>,
  ): Family<K> {
    const labelNames = Object.keys(labels ?? {})
    const series = new Map<string, SeriesOf<K>>()
    guard(name, () => {
      new Metric({
        name,
        help,
        labelNames,
        registers: [this.registry],
        collect(this: Counter | Gauge) {
          this.reset()
          for (const s of series.values()) {
            // A counter is collected by adding its value to zero, a gauge by setting it.
            if (this instanceof Counter) {
              if (labelNames.length === 0) this.inc(s.value)
              else this.inc(s.labels, s.value)
            } else if (labelNames.length === 0) this.set(s.value)
            else this.set(s.labels, s.value)
          }
        },
      })
    })
    return {
      kind,
      labelNames,
      series,
      create,
      reset: () => {
        for (const s of series.values()) s.clear()
      },
    }
  }

  #histogramFamily(
    name: string,
    help: string,
    labels: Labels | undefined,
    buckets: readonly number[] | undefined,
  ): Family<'histogram'> {
    const labelNames = Object.keys(labels ?? {})
    const upperBounds = normaliseBuckets(name, buckets)
    const series = new Map<string, HistogramMetric>()
    const prom = guard(
      name,
      () =>
        new SeriesHistogram(
          { name, help, labelNames, buckets: [...upperBounds], registers: [this.registry] },
          series,
        ),
    )
    return {
      kind: 'histogram',
      labelNames,
      series,
      create: (l) => new HistogramMetric(name, l, upperBounds),
      reset: () => prom.reset(),
    }
  }
}

/** Runs a prom-client constructor, turning its plain `Error` (bad metric or label name) into a coded one. */
function guard<T>(name: string, build: () => T): T {
  try {
    return build()
  } catch (error) {
    throw new RoutiluxError(
      ErrorCode.INVALID_ARGUMENT,
      `Invalid metric ${name}: ${error instanceof Error ? error.message : String(error)}`,
      { name },
      { cause: error },
    )
  }
}

function sameLabelNames(labelNames: readonly string[], labels: Labels): boolean {
  const given = Object.keys(labels)
  return given.length === labelNames.length && given.every((k) => labelNames.includes(k))
}

function seriesKey(labelNames: readonly string[], labels: Labels): string {
  if (!sameLabelNames(labelNames, labels)) {
    const given = Object.keys(labels)
    throw new RoutiluxError(
      ErrorCode.INVALID_ARGUMENT,
      `Labels {${given.join(', ')}} do not match the metric's labels {${labelNames.join(', ')}}`,
      { expected: [...labelNames], given },
    )
  }
  return JSON.stringify(labelNames.map((n) => String(labels[n])))
}

/** A frozen copy of `labels` in the family's label order, so the exposition order is stable. */
function ordered(labelNames: readonly string[], labels: Labels): Labels {
  const copy: Record<string, string> = {}
  for (const n of labelNames) copy[n] = String(labels[n])
  return Object.freeze(copy)
}

function normaliseBuckets(name: string, buckets: readonly number[] | undefined): readonly number[] {
  if (buckets === undefined || buckets.length === 0) return DEFAULT_BUCKETS
  const sorted = [...new Set(buckets)].sort((a, b) => a - b)
  if (sorted.some((b) => !Number.isFinite(b))) {
    throw new RoutiluxError(ErrorCode.INVALID_ARGUMENT, `Histogram ${name} needs finite bucket bounds`, {
      name,
    })
  }
  return Object.freeze(sorted)
}
