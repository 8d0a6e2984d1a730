import { describe, expect, it } from 'vitest'
import { compileExpression } from '../routines/expression'
import { translateCondition, translateDict, translateLambda } from './python-conditions'

const condition = (value: unknown) => {
  const result = translateCondition(value)
  return 'condition' in result ? result.condition : undefined
}
const reason = (value: unknown) => {
  const result = translateCondition(value)
  return 'reason' in result ? result.reason : undefined
}

describe('translating Python router conditions', () => {
  it.each([
    "data.get('value', 0) > 10",
    "data.get('value', 0) <= 10",
    "data['kind'] == 'order' and not data.get('test', False)",
    "'vip' in data.get('tags', []) or len(data) > 3",
    "data.get('name', '').lower().startswith('a')",
    "data.get('v') != None and config.get('threshold', 0) < data.get('v')",
    "(data.get('a', 0) + data.get('b', 0)) % 2 == 0",
  ])('keeps %s, which means the same in both languages', (source) => {
    expect(condition(source)).toBe(source)
  })

  it('rewrites isinstance against dict, list and str as type() tests', () => {
    expect(condition("isinstance(data, dict) and isinstance(data.get('items'), list)")).toBe(
      "(type(data) == 'object') and (type(data.get('items')) == 'array')",
    )
    const translated = condition("isinstance(data['name'], str)") as string
    expect(compileExpression(translated).test({ data: { name: 'x' } })).toBe(true)
    expect(compileExpression(translated).test({ data: { name: 1 } })).toBe(false)
  })

  it.each([
    ['data.value > 1', /attribute access/],
    ['data.items()', /method items\(\)/],
    ['str(data) == "x"', /function str\(\)/],
    ['isinstance(data, int)', /function isinstance\(\)/],
    ["stats.get('n', 0) > 1", /stats/],
    ['x > 1', /unknown name "x"/],
    ['data and true', /true is not a Python name/],
    ['data && data', /operator && is not Python/],
    ['1 if data else 2', /unknown name "if"/],
    ["data['x'] is None", /unknown name "is"/],
    ["1 < data.get('v') < 5", /Chained comparisons/],
  ])('refuses %s', (source, why) => {
    expect(reason(source)).toMatch(why)
  })

  it('translates dict conditions into key-and-value tests', () => {
    const translated = condition({ kind: 'order', count: 2, ok: true, none: null }) as string
    const test = (data: unknown) => compileExpression(translated).test({ data, config: {} })
    expect(test({ kind: 'order', count: 2, ok: true, none: null, extra: 1 })).toBe(true)
    expect(test({ kind: 'order', count: 2, ok: true })).toBe(false)
    expect(test({ kind: 'other', count: 2, ok: true, none: null })).toBe(false)
    expect(test('order')).toBe(false)
    expect(translateDict({})).toEqual({ condition: "type(data) == 'object'" })
    expect(reason({ nested: { a: 1 } })).toMatch(/not a plain/)
  })

  it('translates lambda bodies the way the Python reader reads them', () => {
    expect(condition({ _type: 'lambda_expression', expression: "x.get('v', 0) > 5" })).toBe(
      "data.get('v', 0) > 5",
    )
    expect(translateLambda("lambda item: item.get('n') == 1")).toEqual({ condition: "data.get('n') == 1" })
    expect(translateLambda("x.get('value') > 1")).toEqual({ reason: expect.stringMatching(/rewrites/) })
  })

  it('refuses code references and other objects', () => {
    expect(reason({ _type: 'callable', callable_type: 'function', module: 'm', name: 'check' })).toMatch(
      /Python code \(check\)/,
    )
    expect(reason(42)).toMatch(/neither/)
  })
})
