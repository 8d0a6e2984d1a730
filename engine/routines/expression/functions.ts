/**
 * The functions and methods an expression may call. The lists are closed: a name not here is a
 * parse error, so an expression can never reach host code.
 */
import { deepEqual, describeValue, orNull, ownValue, truthy, typeOf } from './values'

/** Thrown by a function with a message; the evaluator adds the call's position. */
export class CallError extends Error {}

type Fn = (args: unknown[]) => unknown

function arity(name: string, args: unknown[], min: number, max = min): void {
  if (args.length < min || args.length > max) {
    const expected = min === max ? `${min}` : `${min} to ${max}`
    throw new CallError(`${name}() takes ${expected} argument${max === 1 ? '' : 's'}, got ${args.length}`)
  }
}

function asString(name: string, value: unknown): string {
  if (typeof value !== 'string')
    throw new CallError(`${name}() expects a string, got ${describeValue(value)}`)
  return value
}

function asNumber(name: string, value: unknown): number {
  if (typeof value !== 'number')
    throw new CallError(`${name}() expects a number, got ${describeValue(value)}`)
  return value
}

function length(value: unknown): number {
  if (typeof value === 'string') return [...value].length
  if (Array.isArray(value)) return value.length
  if (typeOf(value) === 'object') return Object.keys(value as object).length
  throw new CallError(`len() expects a string, array or object, got ${describeValue(value)}`)
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value)
  throw new CallError(`number() cannot convert ${describeValue(value)}`)
}

function toText(value: unknown): string {
  if (typeof value === 'string') return value
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

function extreme(name: string, args: unknown[], pick: (a: number, b: number) => number): number {
  const values = args.length === 1 && Array.isArray(args[0]) ? args[0] : args
  if (values.length === 0) throw new CallError(`${name}() needs at least one number`)
  return values.map((v) => asNumber(name, v)).reduce(pick)
}

function contains(name: string, container: unknown, item: unknown): boolean {
  if (typeof container === 'string') return container.includes(asString(name, item))
  if (Array.isArray(container)) return container.some((v) => deepEqual(v, item))
  if (typeOf(container) === 'object')
    return typeof item === 'string' && Object.hasOwn(container as object, item)
  throw new CallError(`${name}() expects a string, array or object, got ${describeValue(container)}`)
}

/** Wraps `impl` with an argument-count check for function `name`. */
function fixed(name: string, min: number, max: number, impl: (...args: unknown[]) => unknown): Fn {
  return (args) => {
    arity(name, args, min, max)
    return impl(...args)
  }
}

/** Global functions: `len(x)`, `lower(s)`, … */
export const FUNCTIONS: Readonly<Record<string, Fn>> = {
  len: fixed('len', 1, 1, length),
  lower: fixed('lower', 1, 1, (s) => asString('lower', s).toLowerCase()),
  upper: fixed('upper', 1, 1, (s) => asString('upper', s).toUpperCase()),
  trim: fixed('trim', 1, 1, (s) => asString('trim', s).trim()),
  str: fixed('str', 1, 1, toText),
  number: fixed('number', 1, 1, toNumber),
  int: fixed('int', 1, 1, (v) => Math.trunc(toNumber(v))),
  bool: fixed('bool', 1, 1, truthy),
  abs: fixed('abs', 1, 1, (v) => Math.abs(asNumber('abs', v))),
  round: fixed('round', 1, 2, (v, digits) => {
    const factor = 10 ** (digits === undefined ? 0 : asNumber('round', digits))
    return Math.round(asNumber('round', v) * factor) / factor
  }),
  floor: fixed('floor', 1, 1, (v) => Math.floor(asNumber('floor', v))),
  ceil: fixed('ceil', 1, 1, (v) => Math.ceil(asNumber('ceil', v))),
  min: (a) => extreme('min', a, (x, y) => Math.min(x, y)),
  max: (a) => extreme('max', a, (x, y) => Math.max(x, y)),
  exists: fixed('exists', 1, 1, (v) => v !== null && v !== undefined),
  type: fixed('type', 1, 1, typeOf),
  contains: fixed('contains', 2, 2, (c, item) => contains('contains', c, item)),
  startswith: fixed('startswith', 2, 2, (s, p) =>
    asString('startswith', s).startsWith(asString('startswith', p)),
  ),
  endswith: fixed('endswith', 2, 2, (s, p) => asString('endswith', s).endsWith(asString('endswith', p))),
  keys: fixed('keys', 1, 1, (o) => Object.keys(asObject('keys', o))),
  values: fixed('values', 1, 1, (o) => Object.values(asObject('values', o))),
}

function asObject(name: string, value: unknown): object {
  if (typeOf(value) !== 'object')
    throw new CallError(`${name}() expects an object, got ${describeValue(value)}`)
  return value as object
}

/** Methods callable with `receiver.method(...)`; each name maps to a function taking the receiver first. */
export const METHODS: Readonly<Record<string, Fn>> = {
  get: (a) => {
    arity('get', a.slice(1), 1, 2)
    const [receiver, key, fallback] = a
    if (receiver === null || receiver === undefined) return orNull(fallback)
    if (Array.isArray(receiver) && typeof key === 'number') {
      const index = key < 0 ? receiver.length + key : key
      return index >= 0 && index < receiver.length ? receiver[index] : orNull(fallback)
    }
    if (typeOf(receiver) !== 'object')
      throw new CallError(`get() needs an object, got ${describeValue(receiver)}`)
    const value = ownValue(receiver as object, toText(key))
    return value === undefined ? orNull(fallback) : value
  },
  keys: (a) => FUNCTIONS.keys?.(a),
  values: (a) => FUNCTIONS.values?.(a),
  lower: (a) => FUNCTIONS.lower?.(a),
  upper: (a) => FUNCTIONS.upper?.(a),
  strip: (a) => FUNCTIONS.trim?.(a),
  startswith: (a) => FUNCTIONS.startswith?.(a),
  endswith: (a) => FUNCTIONS.endswith?.(a),
  contains: (a) => FUNCTIONS.contains?.(a),
}

/** JavaScript spellings accepted as aliases of the methods above. */
export const METHOD_ALIASES: Readonly<Record<string, string>> = {
  toLowerCase: 'lower',
  toUpperCase: 'upper',
  trim: 'strip',
  startsWith: 'startswith',
  endsWith: 'endswith',
  includes: 'contains',
}
