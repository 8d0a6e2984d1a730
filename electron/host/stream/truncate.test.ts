import { describe, expect, it } from 'vitest'
import { truncatePayload, truncateValue } from './truncate'

describe('truncateValue', () => {
  it('keeps small values as they are', () => {
    const value = { a: 1, b: 'text', c: [1, 2, { d: true }], e: null }
    expect(truncateValue(value)).toEqual(value)
  })

  it('replaces long strings, large arrays and objects, and deep nesting by markers', () => {
    const out = truncatePayload({
      long: 'y'.repeat(5000),
      list: Array.from({ length: 100 }, (_, i) => i),
      wide: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, i])),
      deep: { a: { b: { c: { d: { e: 1 } } } } },
    })
    expect(out.long).toEqual({ $truncated: true, type: 'string', preview: 'y'.repeat(200), size: 5000 })
    expect(out.list).toEqual({ $truncated: true, type: 'array', preview: '[0,1,2,3,4]', size: 100 })
    expect(out.wide).toMatchObject({ $truncated: true, type: 'object', size: 60 })
    expect(out.deep).toEqual({
      a: { b: { c: { $truncated: true, type: 'object', preview: '{"d":{"e":1}}', size: 1 } } },
    })
  })

  it('copes with values JSON cannot express', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' }
    cyclic.self = cyclic
    const out = truncatePayload({ big: 10n, when: new Date(0), fn: () => 1, cyclic })
    expect(out.big).toBe('10')
    expect(out.when).toBe('1970-01-01T00:00:00.000Z')
    expect(typeof out.fn).toBe('string')
    expect(JSON.stringify(out)).toContain('loop')
  })
})
