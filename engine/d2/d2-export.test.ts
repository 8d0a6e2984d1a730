import { describe, expect, it } from 'vitest'
import { orderPipeline, testDescriptors } from '../document/test-fixtures'
import { exportD2 } from './d2-export'
import { buildD2Model } from './d2-model'
import { d2Comment, escapeD2, KeyAllocator } from './d2-text'

const descriptors = testDescriptors

describe('D2 text escaping', () => {
  it.each([
    ['plain', 'plain'],
    ['say "hi"', 'say \\"hi\\"'],
    ['back\\slash', 'back\\\\slash'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal D2 substitution is the input under test
    ['$var ${x}', '\\$var \\${x}'],
    ['two\nlines\r\nand\rmore', 'two\\nlines\\nand\\nmore'],
    ['tab\there', 'tab\\there'],
    ['nul\u0000bell\u0007', 'nul\ufffdbell\ufffd'],
    ['lone \ud800 surrogate', 'lone \ufffd surrogate'],
    ['emoji 🙂 and 漢字', 'emoji 🙂 and 漢字'],
  ])('%j → %j', (input, expected) => {
    expect(escapeD2(input)).toBe(expected)
  })

  it('flattens comments onto one line', () => {
    expect(d2Comment('a\nb\u2028c')).toBe('# a b c')
  })
})

describe('D2 keys', () => {
  it('keeps plain identifiers and generates keys for the rest, D2 keywords included', () => {
    const keys = new KeyAllocator().assign(
      ['fetch', 'Shape', 'a.b', 'has space', '_', '', 'x'.repeat(65)],
      'r',
    )
    expect(keys).toEqual(['fetch', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'])
  })

  it('never gives two names keys that differ only by case, nor reuses a real name', () => {
    const keys = new KeyAllocator(['flow_title']).assign(['Fetch', 'fetch', 'r2', 'FLOW_TITLE', 'r4'], 'r')
    expect(keys).toEqual(['Fetch', 'r2_2', 'r2', 'r4_2', 'r4'])
    expect(new Set(keys.map((k) => k.toLowerCase())).size).toBe(keys.length)
  })
})

describe('D2 export', () => {
  it('draws routines with slots and events and connects event to slot (default style)', () => {
    const text = exportD2(orderPipeline(), { descriptors })
    expect(text).toContain('"fetcher": "DataFetcher\\nentry point" {')
    expect(text).toContain('"fetcher"."events"."output" -> "validator"."slots"."input" {')
    expect(text).toContain('"validator"."events"."valid" -> "sink"."slots"."input" {')
    expect(text).toContain('    "invalid": "invalid" {')
    expect(text).toContain('direction: right')
    expect(text.endsWith('}\n')).toBe(true)
  })

  it('highlights entry points', () => {
    const text = exportD2(orderPipeline(), { descriptors })
    const fetcher = text.slice(text.indexOf('"fetcher": '), text.indexOf('"validator": '))
    expect(fetcher).toContain('fill: "#fff4e6"')
    expect(fetcher).toContain('stroke-width: 3')
    const sink = text.slice(text.indexOf('"sink": '))
    expect(sink).toContain('fill: "#e8f4f8"')
  })

  it('draws one box per routine in compact style, with event → slot labels', () => {
    const text = exportD2(orderPipeline(), { descriptors, style: 'compact' })
    expect(text).not.toContain('"slots"')
    expect(text).toContain('"fetcher" -> "validator": "output → input" {')
  })

  it('adds types, config, error strategies, parameters, merge modes and levels in detailed style', () => {
    const doc = orderPipeline()
    doc.execution.errorHandler = { strategy: 'continue' }
    ;(doc.routines[2] as { errorHandler?: unknown }).errorHandler = {
      strategy: 'retry',
      maxRetries: 2,
      retryDelayMs: 500,
      isCritical: true,
    }
    const text = exportD2(doc, { descriptors, style: 'detailed' })
    expect(text).toContain(
      '"fetcher": "DataFetcher\\ntest.fetcher\\nid: fetcher\\nsource: api | timeout: 30\\non error: continue (flow)\\nentry point" {',
    )
    expect(text).toContain('on error: retry ×2, 500 ms, backoff ×2 (critical)')
    expect(text).toContain('"output": "output\\n(data, source, timestamp, …)" {')
    expect(text).toContain('"input": "input\\n[append]" {')
    expect(text).toContain('# flow error strategy: continue')
    expect(text).toContain('# level 2: "sink"')
  })

  it('colours routines by run status and labels connections with delivery counts', () => {
    const text = exportD2(orderPipeline(), {
      descriptors,
      overlay: {
        routines: {
          fetcher: { status: 'completed', runs: 1 },
          validator: { status: 'failed', runs: 1, errors: 1 },
        },
        connections: { c1: { delivered: 1 }, c2: { delivered: 0 } },
      },
    })
    expect(text).toContain('"validator": "DataValidator\\nfailed · 1 run · 1 error" {')
    expect(text).toContain('fill: "#fee2e2"')
    expect(text).toContain('"fetcher"."events"."output" -> "validator"."slots"."input": "1 delivered" {')
    expect(text).toMatch(/"sink"\."slots"\."input": "0 delivered" \{\n {2}style\.stroke: "#a0aec0"/)
  })

  it('ignores overlay entries that are not own data', () => {
    const routines = JSON.parse('{"__proto__": {"status": "failed"}}')
    expect(() => exportD2(orderPipeline(), { overlay: { routines } })).not.toThrow()
    expect(exportD2(orderPipeline(), { overlay: { routines } })).toBe(exportD2(orderPipeline()))
  })

  it('draws ports only connections name when the type is unknown, and lists undrawable connections', () => {
    const doc = orderPipeline()
    ;(doc.routines[1] as { type: string }).type = 'gone'
    doc.connections.push({
      id: 'x"y',
      source: { routine: 'nobody', event: 'e' },
      target: { routine: 'sink', slot: 'input' },
    })
    const text = exportD2(doc, { descriptors })
    expect(text).toContain('"validator": "DataValidator\\nunknown type" {')
    expect(text).toContain('stroke-dash: 4')
    expect(text).toContain('"valid": "valid\\n(undeclared)" {')
    expect(text).not.toContain('"invalid"')
    expect(text).toContain('# not drawn: connection "x\\"y" joins a routine or port that does not exist')
  })

  it('is deterministic', () => {
    expect(exportD2(orderPipeline(), { descriptors, style: 'detailed' })).toBe(
      exportD2(orderPipeline(), { descriptors, style: 'detailed' }),
    )
  })

  it('gives hostile names generated keys while keeping them in labels', () => {
    const doc = orderPipeline()
    const hostile = 'a.b -> "c" {}'
    ;(doc.routines[0] as { id: string; title?: string }).id = hostile
    ;(doc.routines[0] as { title?: string }).title = undefined
    ;(doc.connections[0] as { source: { routine: string } }).source.routine = hostile
    const model = buildD2Model(doc, descriptors)
    expect(model.routines[0]?.key).toBe('routine_1')
    const text = exportD2(doc, { descriptors })
    expect(text).toContain('"routine_1": "a.b -> \\"c\\" {}\\nentry point" {')
    expect(text).toContain('"routine_1"."events"."output" -> "validator"."slots"."input"')
  })
})
