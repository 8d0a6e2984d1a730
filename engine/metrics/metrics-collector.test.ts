import { describe, expect, it } from 'vitest'
import { codeOf } from '../testing/harness'
import { MetricsCollector } from './metrics-collector'

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1
}

describe('MetricsCollector', () => {
  it('exports nothing when empty', async () => {
    expect(await new MetricsCollector().exportPrometheus()).toBe('')
  })

  it('gets or creates series; label order does not matter and the first help wins', () => {
    const metrics = new MetricsCollector()
    const a = metrics.counter('runs_total', 'Runs', { routine: 'a', status: 'ok' })
    const same = metrics.counter('runs_total', 'Other help', { status: 'ok', routine: 'a' })
    expect(same).toBe(a)
    a.inc()
    a.inc(2.5)
    expect(metrics.getCounter('runs_total', { status: 'ok', routine: 'a' })?.value).toBe(3.5)
    expect(metrics.getCounter('runs_total', { routine: 'b', status: 'ok' })).toBeUndefined()
    expect(metrics.getCounter('missing')).toBeUndefined()
    expect(metrics.getCounter('runs_total')).toBeUndefined()
    expect(metrics.getCounter('runs_total', { routine: 'a' })).toBeUndefined()
    expect(() => metrics.counter('runs_total', 'Runs', { routine: 'a' })).toThrow(/do not match/)
    expect(metrics.getGauge('runs_total', { routine: 'a', status: 'ok' })).toBeUndefined()
  })

  it('prints HELP and TYPE once per family, with every labelled series under it', async () => {
    const metrics = new MetricsCollector()
    metrics.counter('test_total', 'Total tests').inc(10)
    metrics.counter('runs_total', 'Runs', { routine: 'a' }).inc()
    metrics.counter('runs_total', 'Runs', { routine: 'b' }).inc(2)
    metrics.gauge('test_gauge', 'A gauge').set(42)
    const text = await metrics.exportPrometheus()
    expect(text).toContain('test_total 10')
    expect(text).toContain('test_gauge 42')
    expect(text).toContain('runs_total{routine="a"} 1')
    expect(text).toContain('runs_total{routine="b"} 2')
    expect(occurrences(text, '# HELP runs_total')).toBe(1)
    expect(occurrences(text, '# TYPE runs_total counter')).toBe(1)
    expect(text).toContain('# TYPE test_gauge gauge')
  })

  it('escapes label values', async () => {
    const metrics = new MetricsCollector()
    metrics.counter('odd_total', 'Odd labels', { routine: 'say "hi"\\now\nnext' }).inc()
    const text = await metrics.exportPrometheus()
    expect(text).toContain('odd_total{routine="say \\"hi\\"\\\\now\\nnext"} 1')
  })

  it('records histograms with cumulative buckets, sum and count', async () => {
    const metrics = new MetricsCollector()
    const h = metrics.histogram('dur_seconds', 'Duration', { routine: 'a' }, [1, 0.1])
    for (const v of [0.05, 0.5, 3]) h.observe(v)
    expect(h.count).toBe(3)
    expect(h.sum).toBeCloseTo(3.55)
    expect(metrics.getHistogram('dur_seconds', { routine: 'a' })?.snapshot()).toEqual({
      count: 3,
      sum: h.sum,
      buckets: [
        { le: 0.1, count: 1 },
        { le: 1, count: 2 },
        { le: Number.POSITIVE_INFINITY, count: 3 },
      ],
    })
    const text = await metrics.exportPrometheus()
    expect(text).toContain('dur_seconds_bucket{routine="a",le="0.1"} 1')
    expect(text).toContain('dur_seconds_bucket{routine="a",le="1"} 2')
    expect(text).toContain('dur_seconds_bucket{routine="a",le="+Inf"} 3')
    expect(text).toContain('dur_seconds_sum{routine="a"} 3.55')
    expect(text).toContain('dur_seconds_count{routine="a"} 3')
    expect(occurrences(text, '# TYPE dur_seconds histogram')).toBe(1)
    const json = await metrics.registry.getMetricsAsJSON()
    expect(json.find((m) => m.name === 'dur_seconds')?.values).toHaveLength(5)
  })

  it('times with startTimer', () => {
    const h = new MetricsCollector().histogram('t_seconds', 'Timer')
    const seconds = h.startTimer()()
    expect(seconds).toBeGreaterThanOrEqual(0)
    expect(h.count).toBe(1)
  })

  it('keeps collectors independent (no global registry)', async () => {
    const one = new MetricsCollector()
    const two = new MetricsCollector()
    one.counter('shared_total', 'Shared').inc(1)
    two.counter('shared_total', 'Shared').inc(5)
    expect(await one.exportPrometheus()).toContain('shared_total 1')
    expect(await two.exportPrometheus()).toContain('shared_total 5')
  })

  it('gauges go up and down and reset() zeroes everything', async () => {
    const metrics = new MetricsCollector()
    const g = metrics.gauge('depth', 'Depth', { flow: 'f' })
    g.inc(5)
    g.dec(2)
    expect(g.value).toBe(3)
    metrics.counter('c_total', 'C').inc(4)
    metrics.histogram('h_seconds', 'H').observe(1)
    metrics.reset()
    expect(g.value).toBe(0)
    expect(metrics.getCounter('c_total')?.value).toBe(0)
    expect(metrics.getHistogram('h_seconds')?.count).toBe(0)
    const text = await metrics.exportPrometheus()
    expect(text).toContain('depth{flow="f"} 0')
    expect(text).toContain('h_seconds_count 0')
  })

  it('rejects bad input with coded errors', () => {
    const metrics = new MetricsCollector()
    metrics.counter('x_total', 'X', { a: '1' })
    expect(codeOf(() => metrics.gauge('x_total', 'X', { a: '1' }))).toBe('INVALID_ARGUMENT')
    expect(codeOf(() => metrics.counter('x_total', 'X', { b: '1' }))).toBe('INVALID_ARGUMENT')
    expect(codeOf(() => metrics.counter('x_total', 'X'))).toBe('INVALID_ARGUMENT')
    expect(codeOf(() => metrics.counter('bad name', 'X'))).toBe('INVALID_ARGUMENT')
    expect(codeOf(() => metrics.counter('ok_total', 'X', { 'bad-label': '1' }))).toBe('INVALID_ARGUMENT')
    expect(codeOf(() => metrics.counter('x_total', 'X', { a: '1' }).inc(-1))).toBe('INVALID_ARGUMENT')
    expect(codeOf(() => metrics.histogram('h_seconds', 'H').observe(Number.NaN))).toBe('INVALID_ARGUMENT')
    expect(codeOf(() => metrics.counter('x_total', 'X', { a: '1' }).inc(0))).toBeUndefined()
  })
})
