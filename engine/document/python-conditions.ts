/**
 * Translation of Python ConditionalRouter conditions into our expression language. Only forms whose
 * meaning is the same in both languages are translated: `data`/`config` access through `.get()`
 * and subscripts, comparisons, `and`/`or`/`not`, `in`, arithmetic, `len()`, `bool()`, string and
 * dict methods Python has, `isinstance` against dict/list/str, and dict conditions of plain values.
 * Anything else (attribute access, other builtins, `stats`, code references) is refused with a reason.
 */
import { compileExpression, ExpressionError } from '../routines/expression'
import { type Token, tokenize } from '../routines/expression/lexer'

/** A translated condition, or the reason it could not be translated. */
export type TranslatedCondition = { readonly condition: string } | { readonly reason: string }

const PYTHON_METHODS = new Set(['get', 'keys', 'values', 'lower', 'upper', 'strip', 'startswith', 'endswith'])
const PYTHON_FUNCTIONS = new Set(['len', 'bool'])
const VARIABLES = new Set(['data', 'config'])
const JS_ONLY = new Set(['===', '!==', '&&', '||', '!', '?', ':'])
/** Words the Python reader replaced by `data` in stored lambda bodies. */
const LAMBDA_WORDS = new Set(['x', 'item', 'value', 'obj'])

const OPERAND = String.raw`data(?:\[(?:'[^'\\]*'|"[^"\\]*"|\d+)\]|\.get\((?:'[^'\\]*'|"[^"\\]*")\))*`
const ISINSTANCE = new RegExp(String.raw`isinstance\(\s*(${OPERAND})\s*,\s*(dict|list|str)\s*\)`, 'g')
const TYPE_NAMES: Record<string, string> = { dict: 'object', list: 'array', str: 'string' }

/** Translates one Python condition value (string, lambda expression, dict or code reference). */
export function translateCondition(condition: unknown): TranslatedCondition {
  if (typeof condition === 'string') return translateExpression(condition)
  if (typeof condition === 'object' && condition !== null && !Array.isArray(condition)) {
    const record = condition as Record<string, unknown>
    if (record._type === 'lambda_expression') {
      return typeof record.expression === 'string'
        ? translateLambda(record.expression)
        : { reason: 'the lambda expression has no text' }
    }
    if (record._type === 'callable' || record._type === 'function' || record._type === 'method') {
      const name = typeof record.name === 'string' ? ` (${record.name})` : ''
      return { reason: `the condition is Python code${name}, which cannot be converted` }
    }
    if ('_type' in record) return { reason: 'the condition is an object that cannot be converted' }
    return translateDict(record)
  }
  return { reason: 'the condition is neither an expression nor a dict' }
}

/** Translates a Python expression string. */
export function translateExpression(source: string): TranslatedCondition {
  const rewritten = source.replace(
    ISINSTANCE,
    (_, operand: string, type: string) => `(type(${operand}) == '${TYPE_NAMES[type]}')`,
  )
  let tokens: Token[]
  try {
    tokens = tokenize(rewritten)
  } catch (error) {
    return { reason: reasonOf(error) }
  }
  const refusal = refuse(tokens, rewritten !== source)
  if (refusal) return { reason: refusal }
  try {
    compileExpression(rewritten)
  } catch (error) {
    return { reason: reasonOf(error) }
  }
  return { condition: rewritten }
}

function refuse(tokens: readonly Token[], rewroteIsinstance: boolean): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token
    const previous = tokens[i - 1]
    const next = tokens[i + 1]
    if (token.kind === 'punct' && JS_ONLY.has(String(token.value))) {
      return `operator ${String(token.value)} is not Python`
    }
    if (token.kind === 'keyword' && ['true', 'false', 'null'].includes(String(token.value))) {
      return `${String(token.value)} is not a Python name`
    }
    if (token.kind !== 'name') continue
    const name = String(token.value)
    const called = next?.kind === 'punct' && next.value === '('
    if (previous?.kind === 'punct' && previous.value === '.') {
      if (!called) return `attribute access ".${name}" fails on Python dicts, so its meaning would change`
      if (!PYTHON_METHODS.has(name)) return `method ${name}() is not available`
      continue
    }
    if (called) {
      if (PYTHON_FUNCTIONS.has(name) || (name === 'type' && rewroteIsinstance)) continue
      return `function ${name}() is not available`
    }
    if (name === 'stats') return '"stats" is a deprecated Python variable with no counterpart'
    if (!VARIABLES.has(name)) return `unknown name "${name}"`
  }
  return undefined
}

/**
 * Translates a stored lambda body. The Python reader replaced the words x, item, value and obj by
 * `data`; when such a word also appears inside a string literal the result is ambiguous, so it is refused.
 */
export function translateLambda(expression: string): TranslatedCondition {
  let body = expression.trim()
  const words = new Set(LAMBDA_WORDS)
  const header = /^lambda\s+([A-Za-z_]\w*)\s*:/.exec(body)
  if (header) {
    words.add(header[1] as string)
    body = body.slice(header[0].length).trim()
  } else if (body.startsWith('lambda')) {
    return { reason: 'only one-parameter lambdas can be converted' }
  }
  let tokens: Token[]
  try {
    tokens = tokenize(body)
  } catch (error) {
    return { reason: reasonOf(error) }
  }
  let out = ''
  let at = 0
  for (const token of tokens) {
    if (
      token.kind === 'string' &&
      [...LAMBDA_WORDS].some((w) => new RegExp(`\\b${w}\\b`).test(String(token.value)))
    ) {
      return {
        reason:
          'a string in the lambda contains a word the Python reader rewrites, so its meaning is unclear',
      }
    }
    if (token.kind === 'name' && words.has(String(token.value))) {
      out += `${body.slice(at, token.span.start)}data`
      at = token.span.end
    }
  }
  return translateExpression(out + body.slice(at))
}

/** Translates a `{key: expected}` condition: data must be an object holding every key with that value. */
export function translateDict(record: Record<string, unknown>): TranslatedCondition {
  const parts = ["type(data) == 'object'"]
  for (const [key, expected] of Object.entries(record)) {
    const keyText = stringLiteral(key)
    const valueText = literal(expected)
    if (keyText === undefined || valueText === undefined) {
      return { reason: `the value for "${key}" is not a plain string, number, boolean or null` }
    }
    parts.push(`${keyText} in data and data.get(${keyText}) == ${valueText}`)
  }
  const condition = parts.join(' and ')
  try {
    compileExpression(condition)
  } catch (error) {
    return { reason: reasonOf(error) }
  }
  return { condition }
}

function literal(value: unknown): string | undefined {
  if (value === null) return 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : undefined
  if (typeof value === 'string') return stringLiteral(value)
  return undefined
}

/** A string literal of our language, or undefined for text it cannot spell (control characters). */
function stringLiteral(text: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(text)) return undefined
  return JSON.stringify(text)
}

function reasonOf(error: unknown): string {
  if (error instanceof ExpressionError) return error.reason
  return error instanceof Error ? error.message : String(error)
}
