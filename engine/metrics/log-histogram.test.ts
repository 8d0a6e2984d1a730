import { describe, expect, it } from 'vitest'
import { LogHistogram } from './log-histogram'

describe('LogHistogram', () => {
  it('answers zero when empty', () => {
    expect(new LogHistogram().quantiles()).toEqual({ p50: 0, p90: 0, p95: 0, p99: 0, max: 0 })
  })

  it('estimates quantiles within a few percent', () => {
    const histogram = new LogHistogram()
    for (let i = 1; i <= 1000; i++) histogram.record(i)
    expect(histogram.count).toBe(1000)
    for (const [q, exact] of [
      [0.5, 500],
      [0.9, 900],
      [0.99, 990],
    ] as const) {
      const estimate = histogram.quantile(q)
      expect(Math.abs(estimate - exact) / exact).toBeLessThan(0.05)
    }
    expect(histogram.quantile(1)).toBe(1000)
    expect(histogram.quantile(0)).toBe(1)
  })

  it('clamps to observed extremes and tolerates zero, negative and huge values', () => {
    const histogram = new LogHistogram()
    histogram.record(0)
    histogram.record(-5)
    histogram.record(1e12)
    expect(histogram.quantile(0.1)).toBe(0)
    expect(histogram.quantiles().max).toBe(1e12)
    expect(histogram.quantile(1)).toBe(1e12)
  })
})
