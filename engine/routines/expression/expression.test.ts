import { describe, expect, it } from 'vitest'
import { isRoutiluxError } from '../../errors'
import { checkExpression, compileExpression, ExpressionError, evaluateExpression } from './index'

const scope = {
  data: {
    value: 12,
    name: 'Ada',
    tags: ['a', 'b'],
    nested: { deep: { x: 1 } },
    empty: [],
    zero: 0,
    none: null,
  },
  config: { threshold: 10, mode: 'strict' },
}
const run = (source: string, variables: Record<string, unknown> = scope) =>
  evaluateExpression(source, variables)

function errorOf(fn: () => unknown): ExpressionError {
  try {
    fn()
  } catch (error) {
    if (error instanceof ExpressionError) return error
    throw error
  }
  throw new Error('expected an ExpressionError')
}

describe('expression language: values and operators', () => {
  it.each([
    ["data.get('value', 0) > 10", true],
    ["data.get('value', 0) <= 10", false],
    ["data.get('missing', 5)", 5],
    ['data.value > config.threshold', true],
    ['data.value >= 12 and data.name == "Ada"', true],
    ['data.value < 0 || data.zero', 0],
    ['not data.empty', true],
    ['!data.zero', true],
    ['data.value + 1', 13],
    ['data.value - 2 * 3', 6],
    ['(data.value - 2) * 3', 30],
    ['7 % 3', 1],
    ['-7 % 3', 2],
    ['10 / 4', 2.5],
    ["'a' + 'b'", 'ab'],
    ['[1, 2] + [3]', [1, 2, 3]],
    ["'b' in data.tags", true],
    ["'z' not in data.tags", true],
    ["'da' in data.name", true],
    ["'value' in data", true],
    ['data.nested.deep.x', 1],
    ['data.nested.missing.x', null],
    ["data['nested']['deep']['x']", 1],
    ['data.tags[-1]', 'b'],
    ['data.tags[5]', null],
    ['len(data.tags)', 2],
    ['len(data.name)', 3],
    ['len(data)', 7],
    ["lower('ABC')", 'abc'],
    ['data.name.upper()', 'ADA'],
    ["data.name.startsWith('A')", true],
    ["data.name.startswith('a')", false],
    ['data.value > 10 ? "high" : "low"', 'high'],
    ['data.none == None', true],
    ['data.none == null', true],
    ['True and False', false],
    ['[1, {"a": 1}] == [1, {"a": 1}]', undefined],
    ['data.none > 1', false],
    ['1 == 1.0', true],
    ["'1' == 1", false],
    ['type(data.tags)', 'array'],
    ['type(data)', 'object'],
    ['exists(data.none)', false],
    ['max(1, 5, 3)', 5],
    ['min(data.tags.get(0) == "a" ? [4, 2] : [1])', 2],
    ['round(2.345, 2)', 2.35],
    ["number('42') + int(3.9)", 45],
    ['str(1) + str(true) + str(null)', '1truenull'],
    ['keys(data.nested)', ['deep']],
    ['1e3', 1000],
    ['.5', 0.5],
  ])('%s → %j', (source, expected) => {
    if (expected === undefined) {
      expect(() => run(source)).toThrow(ExpressionError)
      return
    }
    expect(run(source)).toEqual(expected)
  })

  it('uses Python truthiness in tests', () => {
    const expr = compileExpression('data')
    expect(expr.test({ data: [] })).toBe(false)
    expect(expr.test({ data: {} })).toBe(false)
    expect(expr.test({ data: '' })).toBe(false)
    expect(expr.test({ data: [0] })).toBe(true)
    expect(expr.test({ data: { a: 1 } })).toBe(true)
  })

  it('short-circuits and/or so the right side is not evaluated', () => {
    expect(run('data.zero and 1 / 0')).toBe(0)
    expect(run('data.value or 1 / 0')).toBe(12)
  })

  it('never reaches prototypes or host members', () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "own": 1}')
    expect(run('data.constructor', { data: {} })).toBeNull()
    expect(run("data['__proto__']", { data: {} })).toBeNull()
    expect(run("data['toString']", { data: {} })).toBeNull()
    expect(run('data.__proto__.polluted', { data: input })).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(run("data.get('constructor')", { data: {} })).toBeNull()
  })
})

describe('expression language: errors', () => {
  it('reports parse errors with position and code', () => {
    const error = errorOf(() => compileExpression('data.value >'))
    expect(isRoutiluxError(error, 'EXPRESSION_ERROR')).toBe(true)
    expect(error.message).toBe('Unexpected end of expression (at 1:13)')
    expect(error.position).toMatchObject({ line: 1, column: 13, start: 12 })
    expect(error.details).toMatchObject({ phase: 'parse', line: 1, column: 13 })
  })

  it.each([
    ['', 'Expression is empty', 1],
    ['foo > 1', "Unknown name 'foo'; available: data, config, payload", 1],
    ['data.value > > 1', "Unexpected '>'", 14],
    ['eval("1")', "Unknown function 'eval'", 1],
    ['data.value.call()', "Unknown method 'call'", 12],
    ['data.get("a"', "Expected ')' but found end of expression", 13],
    ["'abc", 'Unterminated string', 1],
    ['1 < 2 < 3', "Chained comparisons are not supported; combine them with 'and'", 7],
    ['data @ 1', "Unexpected character '@'", 6],
    ['data.value ? 1', "Expected ':' but found end of expression", 15],
    ['12abc', "Invalid number '12a'", 1],
    ['(data)(1)', 'Only named functions can be called', 7],
    ["'\\q'", "Invalid escape '\\q'", 2],
    ['data.value > 1 )', "Unexpected ')'", 16],
  ])('%j → %s', (source, reason, column) => {
    const [diagnostic] = checkExpression(source)
    expect(diagnostic?.message).toContain(reason)
    expect(diagnostic?.column).toBe(column)
  })

  it('gives line and column on multi-line sources', () => {
    const [diagnostic] = checkExpression('data.a == 1 and\n  data.b ==')
    expect(diagnostic).toMatchObject({ line: 2, column: 12 })
  })

  it('accepts a custom variable list', () => {
    expect(checkExpression('value > 1', { variables: ['value'] })).toEqual([])
    expect(checkExpression('data > 1', { variables: ['value'] })[0]?.message).toContain("Unknown name 'data'")
  })

  it.each([
    ['data.name > 1', 'Cannot compare string', 1],
    ['data.name - 1', "'-' needs numbers", 1],
    ['1 / data.zero', 'Division by zero', 1],
    ['data.value + "x"', 'Cannot add number 12 and string', 1],
    ['data.tags["x"]', 'Index of array must be an integer', 1],
    ['data.value.x', "Cannot read 'x' of number 12", 1],
    ['len(5)', 'len() expects a string, array or object, got number 5', 1],
    ['len()', 'len() takes 1 argument, got 0', 1],
    ["1 in 'abc'", "'in' on a string needs a string", 1],
    ['-data.name', "Unary '-' needs a number", 1],
    ['data.value == 12 and upper(data.value)', 'upper() expects a string', 22],
    ['data.tags.length', 'Use len(x) for the length of an array', 1],
  ])('runtime error %j → %s', (source, reason, column) => {
    const error = errorOf(() => run(source))
    expect(error.reason).toContain(reason)
    expect(error.position.column).toBe(column)
    expect(error.details).toMatchObject({ phase: 'evaluate' })
  })

  it('rejects absurdly long or deeply nested input without overflowing', () => {
    expect(checkExpression(`${'1+'.repeat(6000)}1`)[0]?.message).toContain('longer than')
    expect(checkExpression(`${'('.repeat(200)}1${')'.repeat(200)}`)[0]?.message).toContain(
      'nested too deeply',
    )
    expect(checkExpression(`${'-'.repeat(200)}1`)[0]?.message).toContain('nested too deeply')
  })
})
