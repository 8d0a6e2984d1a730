/**
 * Evaluator of the expression syntax tree. Pure: it reads only the variables it is given, reaches
 * only own properties of plain values, and calls only the closed function list.
 */
import type { ExpressionNode } from './ast'
import { ExpressionError } from './expression-error'
import { CallError, FUNCTIONS, METHODS } from './functions'
import { deepEqual, describeValue, orNull, ownValue, truthy, typeOf } from './values'

/** Variables visible to an expression, by root name. */
export type ExpressionScope = Readonly<Record<string, unknown>>

/** Evaluates `node` (parsed from `source`) in `scope`; throws `ExpressionError` on a runtime error. */
export function evaluateNode(node: ExpressionNode, source: string, scope: ExpressionScope): unknown {
  const fail = (reason: string, at: ExpressionNode): never => {
    throw new ExpressionError(reason, source, at.span, 'evaluate')
  }

  const visit = (n: ExpressionNode): unknown => {
    switch (n.kind) {
      case 'literal':
        return n.value
      case 'array':
        return n.items.map(visit)
      case 'name':
        return orNull(Object.hasOwn(scope, n.name) ? scope[n.name] : undefined)
      case 'member':
        return member(visit(n.object), visit(n.property), n)
      case 'call':
        return call(n.callee, FUNCTIONS[n.callee], n.args.map(visit), n)
      case 'method':
        return call(n.method, METHODS[n.method], [visit(n.receiver), ...n.args.map(visit)], n)
      case 'unary': {
        const value = visit(n.operand)
        if (n.operator === 'not') return !truthy(value)
        if (typeof value !== 'number')
          fail(`Unary '${n.operator}' needs a number, got ${describeValue(value)}`, n)
        return n.operator === '-' ? -(value as number) : value
      }
      case 'logical': {
        const left = visit(n.left)
        if (n.operator === 'and') return truthy(left) ? visit(n.right) : left
        return truthy(left) ? left : visit(n.right)
      }
      case 'conditional':
        return truthy(visit(n.test)) ? visit(n.then) : visit(n.otherwise)
      case 'binary':
        return binary(n.operator, visit(n.left), visit(n.right), n)
    }
  }

  const member = (object: unknown, key: unknown, at: ExpressionNode): unknown => {
    if (object === null || object === undefined) return null
    if (Array.isArray(object) || typeof object === 'string') {
      if (key === 'length')
        return fail(
          `Use len(x) for the length of ${typeOf(object) === 'array' ? 'an array' : 'a string'}`,
          at,
        )
      if (typeof key !== 'number' || !Number.isInteger(key)) {
        return fail(`Index of ${typeOf(object)} must be an integer, got ${describeValue(key)}`, at)
      }
      const length = object.length
      const index = key < 0 ? length + key : key
      return index >= 0 && index < length ? object[index] : null
    }
    if (typeOf(object) !== 'object')
      return fail(`Cannot read '${String(key)}' of ${describeValue(object)}`, at)
    if (typeof key !== 'string' && typeof key !== 'number') {
      return fail(`Property name must be a string, got ${describeValue(key)}`, at)
    }
    return orNull(ownValue(object as object, String(key)))
  }

  const call = (
    name: string,
    fn: ((args: unknown[]) => unknown) | undefined,
    args: unknown[],
    at: ExpressionNode,
  ) => {
    if (fn === undefined) return fail(`Unknown function '${name}'`, at)
    try {
      return orNull(fn(args))
    } catch (error) {
      if (error instanceof CallError) return fail(error.message, at)
      throw error
    }
  }

  const binary = (operator: string, left: unknown, right: unknown, at: ExpressionNode): unknown => {
    switch (operator) {
      case '==':
        return deepEqual(left, right)
      case '!=':
        return !deepEqual(left, right)
      case '<':
      case '<=':
      case '>':
      case '>=':
        return compare(operator, left, right, at)
      case 'in':
      case 'not in': {
        const found = membership(left, right, at)
        return operator === 'in' ? found : !found
      }
      case '+':
        if (typeof left === 'number' && typeof right === 'number') return left + right
        if (typeof left === 'string' && typeof right === 'string') return left + right
        if (Array.isArray(left) && Array.isArray(right)) return [...left, ...right]
        return fail(`Cannot add ${describeValue(left)} and ${describeValue(right)}`, at)
      default:
        return arithmetic(operator, left, right, at)
    }
  }

  const compare = (operator: string, left: unknown, right: unknown, at: ExpressionNode): boolean => {
    if (left === null || left === undefined || right === null || right === undefined) return false
    const bothNumbers = typeof left === 'number' && typeof right === 'number'
    const bothStrings = typeof left === 'string' && typeof right === 'string'
    if (!bothNumbers && !bothStrings) {
      return fail(`Cannot compare ${describeValue(left)} with ${describeValue(right)}`, at)
    }
    const a = left as number | string
    const b = right as number | string
    if (operator === '<') return a < b
    if (operator === '<=') return a <= b
    if (operator === '>') return a > b
    return a >= b
  }

  const membership = (item: unknown, container: unknown, at: ExpressionNode): boolean => {
    if (typeof container === 'string') {
      if (typeof item !== 'string')
        return fail(`'in' on a string needs a string, got ${describeValue(item)}`, at)
      return container.includes(item)
    }
    if (Array.isArray(container)) return container.some((value) => deepEqual(value, item))
    if (typeOf(container) === 'object')
      return typeof item === 'string' && Object.hasOwn(container as object, item)
    if (container === null || container === undefined) return false
    return fail(`'in' needs a string, array or object on its right, got ${describeValue(container)}`, at)
  }

  const arithmetic = (operator: string, left: unknown, right: unknown, at: ExpressionNode): number => {
    if (typeof left !== 'number' || typeof right !== 'number') {
      return fail(`'${operator}' needs numbers, got ${describeValue(left)} and ${describeValue(right)}`, at)
    }
    if ((operator === '/' || operator === '%') && right === 0) return fail('Division by zero', at)
    if (operator === '-') return left - right
    if (operator === '*') return left * right
    if (operator === '/') return left / right
    return ((left % right) + right) % right
  }

  return visit(node)
}
