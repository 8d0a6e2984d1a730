import { describe, expect, it } from 'vitest'
import { chartTimeRange, MAX_POINTS, MetricSeries, MIN_CHART_SPAN_S, POINT_MS } from './metric-series'
import { jobUpdate } from './run-fixtures'

const totals = jobUpdate().totals
const window = (patch: Partial<ReturnType<typeof jobUpdate>['window']>) => ({
  ...jobUpdate().window,
  ...patch,
})

describe('metric series', () => {
  it('sums batch windows into quarter-second points with rates and weighted percentiles', () => {
    const series = new MetricSeries()
    series.add(
      window({
        intervalMs: 125,
        deliveries: 100,
        completed: 90,
        errors: 10,
        durationP50Ms: 1,
        durationP95Ms: 4,
      }),
      totals,
      10_000,
      false,
    )
    expect(series.length).toBe(0)
    series.add(
      window({
        intervalMs: 125,
        deliveries: 150,
        completed: 30,
        errors: 0,
        durationP50Ms: 5,
        durationP95Ms: 8,
      }),
      { ...totals, inFlight: 42 },
      10_250,
      false,
    )
    expect(series.length).toBe(1)
    const c = series.columns
    expect(c.time).toEqual([10.25])
    expect(c.throughput).toEqual([1000])
    expect(c.inFlight).toEqual([42])
    expect(c.errorRate[0]).toBeCloseTo((100 * 10) / 130)
    expect(c.p50[0]).toBeCloseTo((1 * 90 + 5 * 30) / 120)
    expect(c.p95[0]).toBeCloseTo((4 * 90 + 8 * 30) / 120)
    expect(series.version).toBe(1)
  })

  it('flushes a short last point at the end and leaves gaps when nothing completed', () => {
    const series = new MetricSeries()
    series.add(window({ intervalMs: 40, deliveries: 4 }), totals, 1000, true)
    expect(series.columns.throughput).toEqual([100])
    expect(series.columns.p50).toEqual([null])
    expect(series.columns.errorRate).toEqual([null])
  })

  it('keeps a bounded number of points', () => {
    const series = new MetricSeries()
    for (let i = 0; i < MAX_POINTS + 5; i++)
      series.add(window({ intervalMs: POINT_MS, deliveries: i }), totals, i * POINT_MS, false)
    expect(series.length).toBe(MAX_POINTS)
    expect(series.columns.time[0]).toBe((5 * POINT_MS) / 1000)
  })

  it('shows a short job over a span of seconds, ending at its last point, and a long one whole', () => {
    const margin = MIN_CHART_SPAN_S * 0.02
    expect(chartTimeRange([1000])).toEqual([1000 - MIN_CHART_SPAN_S, 1000 + margin])
    expect(chartTimeRange([1000, 1001, 1003.5])).toEqual([1003.5 - MIN_CHART_SPAN_S, 1003.5 + margin])
    expect(chartTimeRange([1000, 1030, 1060])).toEqual([1000, 1060 + 60 * 0.02])
    const [from, to] = chartTimeRange([])
    expect(to - from).toBeCloseTo(MIN_CHART_SPAN_S * 1.02)
  })
})
