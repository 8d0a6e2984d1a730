/**
 * Recursive-descent parser of the expression language. Names, functions and methods are checked
 * here, so a bad expression is reported (with its position) before anything runs.
 */
import type { BinaryOperator, ExpressionNode, Span } from './ast'
import { ExpressionError } from './expression-error'
import { FUNCTIONS, METHOD_ALIASES, METHODS } from './functions'
import { type Token, tokenize } from './lexer'

/** Deepest nesting accepted, so a hostile document cannot overflow the stack. */
export const MAX_EXPRESSION_DEPTH = 64

/** Parser options: which root names (variables) exist. */
export interface ParseOptions {
  /** Root names an expression may use; default `['data', 'config', 'payload']`. */
  readonly variables?: readonly string[]
}

const COMPARISONS: Record<string, BinaryOperator> = {
  '==': '==',
  '===': '==',
  '!=': '!=',
  '!==': '!=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
}
const LITERAL_KEYWORDS: Record<string, boolean | null> = {
  true: true,
  True: true,
  false: false,
  False: false,
  null: null,
  None: null,
}

/** Parses `source` into a syntax tree; throws `ExpressionError` (code `EXPRESSION_ERROR`). */
export function parse(source: string, options: ParseOptions = {}): ExpressionNode {
  return new Parser(source, options.variables ?? ['data', 'config', 'payload']).parseAll()
}

class Parser {
  private readonly tokens: Token[]
  private index = 0
  private depth = 0

  constructor(
    private readonly source: string,
    private readonly variables: readonly string[],
  ) {
    this.tokens = tokenize(source)
  }

  parseAll(): ExpressionNode {
    if (this.peek().kind === 'end') this.fail('Expression is empty', this.peek().span)
    const node = this.expression()
    const next = this.peek()
    if (next.kind !== 'end') this.fail(`Unexpected ${tokenText(next)}`, next.span)
    return node
  }

  private expression(): ExpressionNode {
    this.depth += 1
    if (this.depth > MAX_EXPRESSION_DEPTH) this.fail('Expression is nested too deeply', this.peek().span)
    const test = this.or()
    let node = test
    if (this.acceptPunct('?')) {
      const then = this.expression()
      this.expectPunct(':')
      const otherwise = this.expression()
      node = { kind: 'conditional', test, then, otherwise, span: join(test.span, otherwise.span) }
    }
    this.depth -= 1
    return node
  }

  private or(): ExpressionNode {
    let left = this.and()
    while (this.acceptKeyword('or') || this.acceptPunct('||')) {
      const right = this.and()
      left = { kind: 'logical', operator: 'or', left, right, span: join(left.span, right.span) }
    }
    return left
  }

  private and(): ExpressionNode {
    let left = this.not()
    while (this.acceptKeyword('and') || this.acceptPunct('&&')) {
      const right = this.not()
      left = { kind: 'logical', operator: 'and', left, right, span: join(left.span, right.span) }
    }
    return left
  }

  private not(): ExpressionNode {
    const token = this.peek()
    if (this.acceptKeyword('not')) {
      const operand = this.nested(() => this.not())
      return { kind: 'unary', operator: 'not', operand, span: join(token.span, operand.span) }
    }
    return this.comparison()
  }

  private comparison(): ExpressionNode {
    const left = this.additive()
    const operator = this.comparisonOperator()
    if (operator === undefined) return left
    const right = this.additive()
    const node: ExpressionNode = { kind: 'binary', operator, left, right, span: join(left.span, right.span) }
    const again = this.peek()
    if (this.comparisonOperator() !== undefined) {
      this.fail("Chained comparisons are not supported; combine them with 'and'", again.span)
    }
    return node
  }

  private comparisonOperator(): BinaryOperator | undefined {
    const token = this.peek()
    if (token.kind === 'punct' && typeof token.value === 'string' && COMPARISONS[token.value]) {
      this.index += 1
      return COMPARISONS[token.value]
    }
    if (this.acceptKeyword('in')) return 'in'
    if (
      token.kind === 'keyword' &&
      token.value === 'not' &&
      this.peek(1).kind === 'keyword' &&
      this.peek(1).value === 'in'
    ) {
      this.index += 2
      return 'not in'
    }
    return undefined
  }

  private additive(): ExpressionNode {
    let left = this.multiplicative()
    for (;;) {
      const operator = this.acceptPunct('+') ? '+' : this.acceptPunct('-') ? '-' : undefined
      if (operator === undefined) return left
      const right = this.multiplicative()
      left = { kind: 'binary', operator, left, right, span: join(left.span, right.span) }
    }
  }

  private multiplicative(): ExpressionNode {
    let left = this.unary()
    for (;;) {
      const operator = this.acceptPunct('*')
        ? '*'
        : this.acceptPunct('/')
          ? '/'
          : this.acceptPunct('%')
            ? '%'
            : undefined
      if (operator === undefined) return left
      const right = this.unary()
      left = { kind: 'binary', operator, left, right, span: join(left.span, right.span) }
    }
  }

  private unary(): ExpressionNode {
    const token = this.peek()
    const operator = this.acceptPunct('-')
      ? '-'
      : this.acceptPunct('+')
        ? '+'
        : this.acceptPunct('!')
          ? 'not'
          : undefined
    if (operator === undefined) return this.postfix()
    const operand = this.nested(() => this.unary())
    return { kind: 'unary', operator, operand, span: join(token.span, operand.span) }
  }

  private postfix(): ExpressionNode {
    let node = this.primary()
    for (;;) {
      if (this.acceptPunct('.')) {
        const name = this.next()
        if (name.kind !== 'name' && name.kind !== 'keyword')
          this.fail(`Expected a property name after '.'`, name.span)
        const key = String(name.value)
        if (this.acceptPunct('(')) {
          const method = METHOD_ALIASES[key] ?? key
          if (!Object.hasOwn(METHODS, method)) {
            this.fail(`Unknown method '${key}'; available: ${Object.keys(METHODS).join(', ')}`, name.span)
          }
          const { args, end } = this.argumentsUntilClose()
          node = { kind: 'method', receiver: node, method, args, span: join(node.span, end) }
        } else {
          const property: ExpressionNode = { kind: 'literal', value: key, span: name.span }
          node = { kind: 'member', object: node, property, span: join(node.span, name.span) }
        }
      } else if (this.acceptPunct('[')) {
        const property = this.nested(() => this.expression())
        const close = this.expectPunct(']')
        node = { kind: 'member', object: node, property, span: join(node.span, close.span) }
      } else if (this.peek().kind === 'punct' && this.peek().value === '(') {
        this.fail('Only named functions can be called, e.g. len(data.items)', this.peek().span)
      } else {
        return node
      }
    }
  }

  private primary(): ExpressionNode {
    const token = this.next()
    switch (token.kind) {
      case 'number':
      case 'string':
        return { kind: 'literal', value: token.value, span: token.span }
      case 'keyword': {
        const key = String(token.value)
        if (Object.hasOwn(LITERAL_KEYWORDS, key)) {
          return { kind: 'literal', value: LITERAL_KEYWORDS[key] ?? null, span: token.span }
        }
        return this.fail(`Unexpected '${key}'`, token.span)
      }
      case 'name':
        return this.nameOrCall(String(token.value), token.span)
      case 'punct':
        if (token.value === '(') {
          const inner = this.nested(() => this.expression())
          this.expectPunct(')')
          return inner
        }
        if (token.value === '[') {
          const items: ExpressionNode[] = []
          if (!this.acceptPunct(']')) {
            do items.push(this.nested(() => this.expression()))
            while (this.acceptPunct(','))
            this.expectPunct(']')
          }
          return {
            kind: 'array',
            items,
            span: join(token.span, this.tokens[this.index - 1]?.span ?? token.span),
          }
        }
        return this.fail(`Unexpected '${token.value}'`, token.span)
      default:
        return this.fail('Unexpected end of expression', token.span)
    }
  }

  private nameOrCall(name: string, span: Span): ExpressionNode {
    if (this.acceptPunct('(')) {
      if (!Object.hasOwn(FUNCTIONS, name)) {
        this.fail(`Unknown function '${name}'; available: ${Object.keys(FUNCTIONS).join(', ')}`, span)
      }
      const { args, end } = this.argumentsUntilClose()
      return { kind: 'call', callee: name, args, span: join(span, end) }
    }
    if (!this.variables.includes(name)) {
      this.fail(`Unknown name '${name}'; available: ${this.variables.join(', ')}`, span)
    }
    return { kind: 'name', name, span }
  }

  private argumentsUntilClose(): { args: ExpressionNode[]; end: Span } {
    const args: ExpressionNode[] = []
    if (!this.acceptPunct(')')) {
      do args.push(this.nested(() => this.expression()))
      while (this.acceptPunct(','))
      return { args, end: this.expectPunct(')').span }
    }
    return { args, end: this.tokens[this.index - 1]?.span ?? { start: 0, end: 0 } }
  }

  private nested<T>(parse: () => T): T {
    this.depth += 1
    if (this.depth > MAX_EXPRESSION_DEPTH) this.fail('Expression is nested too deeply', this.peek().span)
    const result = parse()
    this.depth -= 1
    return result
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token
  }

  private next(): Token {
    const token = this.peek()
    if (token.kind !== 'end') this.index += 1
    return token
  }

  private acceptPunct(value: string): boolean {
    const token = this.peek()
    if (token.kind === 'punct' && token.value === value) {
      this.index += 1
      return true
    }
    return false
  }

  private acceptKeyword(value: string): boolean {
    const token = this.peek()
    if (token.kind === 'keyword' && token.value === value) {
      this.index += 1
      return true
    }
    return false
  }

  private expectPunct(value: string): Token {
    const token = this.peek()
    if (token.kind === 'punct' && token.value === value) {
      this.index += 1
      return token
    }
    return this.fail(`Expected '${value}' but found ${tokenText(token)}`, token.span)
  }

  private fail(reason: string, span: Span): never {
    throw new ExpressionError(reason, this.source, span, 'parse')
  }
}

function join(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) }
}

function tokenText(token: Token): string {
  if (token.kind === 'end') return 'end of expression'
  if (token.kind === 'string') return 'a string'
  return `'${token.value}'`
}
