/**
 * Tokenizer of the expression language. Works on the raw string; never evaluates anything.
 */
import type { Span } from './ast'
import { ExpressionError } from './expression-error'

/** Longest expression accepted, a guard against pathological input from documents. */
export const MAX_EXPRESSION_LENGTH = 10_000

/** Kinds of tokens. */
export type TokenKind = 'number' | 'string' | 'name' | 'keyword' | 'punct' | 'end'

/** One token with its source span. */
export interface Token {
  readonly kind: TokenKind
  /** The number value, the decoded string, the identifier, keyword or punctuator text. */
  readonly value: string | number
  readonly span: Span
}

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'true', 'false', 'null', 'True', 'False', 'None'])
const PUNCTUATORS = [
  '===',
  '!==',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '!',
  '(',
  ')',
  '[',
  ']',
  ',',
  '.',
  '?',
  ':',
]
const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  '\\': '\\',
  "'": "'",
  '"': '"',
}

/** Splits `source` into tokens, ending with an `end` token; throws `ExpressionError` on bad input. */
export function tokenize(source: string): Token[] {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionError(
      `Expression is longer than ${MAX_EXPRESSION_LENGTH} characters`,
      source,
      { start: 0, end: 0 },
      'parse',
    )
  }
  const tokens: Token[] = []
  let i = 0
  while (i < source.length) {
    const ch = source[i] as string
    if (/\s/.test(ch)) {
      i += 1
      continue
    }
    const start = i
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const match = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(source.slice(i))
      const text = match?.[0] ?? ch
      i += text.length
      if (/[A-Za-z_$]/.test(source[i] ?? '')) {
        throw new ExpressionError(
          `Invalid number '${text}${source[i]}'`,
          source,
          { start, end: i + 1 },
          'parse',
        )
      }
      tokens.push({ kind: 'number', value: Number(text), span: { start, end: i } })
      continue
    }
    if (ch === "'" || ch === '"') {
      const { value, end } = readString(source, i)
      tokens.push({ kind: 'string', value, span: { start, end } })
      i = end
      continue
    }
    if (/[A-Za-z_$]/.test(ch)) {
      const text = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(source.slice(i))?.[0] ?? ch
      i += text.length
      tokens.push({ kind: KEYWORDS.has(text) ? 'keyword' : 'name', value: text, span: { start, end: i } })
      continue
    }
    const punct = PUNCTUATORS.find((p) => source.startsWith(p, i))
    if (punct === undefined) {
      throw new ExpressionError(`Unexpected character '${ch}'`, source, { start, end: start + 1 }, 'parse')
    }
    i += punct.length
    tokens.push({ kind: 'punct', value: punct, span: { start, end: i } })
  }
  tokens.push({ kind: 'end', value: '', span: { start: source.length, end: source.length } })
  return tokens
}

function readString(source: string, start: number): { value: string; end: number } {
  const quote = source[start]
  let value = ''
  let i = start + 1
  while (i < source.length) {
    const ch = source[i] as string
    if (ch === quote) return { value, end: i + 1 }
    if (ch === '\n') break
    if (ch === '\\') {
      const next = source[i + 1]
      if (next === 'u') {
        const hex = /^[0-9a-fA-F]{4}/.exec(source.slice(i + 2))?.[0]
        if (hex === undefined) {
          throw new ExpressionError('Invalid \\u escape', source, { start: i, end: i + 2 }, 'parse')
        }
        value += String.fromCharCode(Number.parseInt(hex, 16))
        i += 6
        continue
      }
      const escaped = next === undefined ? undefined : ESCAPES[next]
      if (escaped === undefined) {
        throw new ExpressionError(
          `Invalid escape '\\${next ?? ''}'`,
          source,
          { start: i, end: i + 2 },
          'parse',
        )
      }
      value += escaped
      i += 2
      continue
    }
    value += ch
    i += 1
  }
  throw new ExpressionError('Unterminated string', source, { start, end: i }, 'parse')
}
