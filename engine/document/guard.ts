/**
 * Defences against hostile input, applied before anything else looks at a document: size and depth
 * limits on the raw text, then a copy of the parsed value that keeps only plain JSON data and refuses
 * prototype-polluting keys. Later stages work on that copy, so the caller's value is never mutated.
 */

import { DocumentProblemCode as Code, type PathSegment, problem } from './problems'
import type { Problem } from './types'

/** Limits applied while reading a document. */
export interface DocumentLimits {
  /** Largest accepted text, in UTF-16 code units (about bytes for ASCII). */
  readonly maxLength: number
  /** Deepest accepted nesting of objects and arrays. */
  readonly maxDepth: number
  /** Most values (objects, arrays and scalars together) accepted in one document. */
  readonly maxNodes: number
  /** Most problems reported by one pass; the rest are summarised in one final problem. */
  readonly maxProblems: number
}

/** The default limits: generous for real flows, small enough to keep a hostile file harmless. */
export const DEFAULT_LIMITS: DocumentLimits = {
  maxLength: 32 * 1024 * 1024,
  maxDepth: 64,
  maxNodes: 2_000_000,
  maxProblems: 200,
}

/** Keys that could reach an object's prototype when used as property names. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

/** Checks the raw text's length and bracket depth without parsing it. */
export function checkText(text: string, limits: DocumentLimits): Problem[] {
  if (text.length > limits.maxLength) {
    return [
      problem(
        'error',
        Code.TOO_LARGE,
        `document is ${text.length} characters long; the limit is ${limits.maxLength}`,
        '$',
      ),
    ]
  }
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      depth++
      if (depth > limits.maxDepth) {
        return [
          problem(
            'error',
            Code.TOO_DEEP,
            `nesting deeper than ${limits.maxDepth} levels at character ${i}`,
            '$',
          ),
        ]
      }
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return []
}

/** The result of copying an untrusted value: the plain-data copy (absent when unusable) and problems. */
export interface SanitizeResult {
  value?: unknown
  problems: Problem[]
}

/**
 * Copies `input` keeping only plain JSON data. Forbidden keys, non-finite numbers, cycles, class
 * instances and values nested deeper than the limit are reported; the copy is returned only when
 * nothing was reported.
 */
export function sanitize(input: unknown, limits: DocumentLimits = DEFAULT_LIMITS): SanitizeResult {
  const problems: Problem[] = []
  const ancestors = new Set<object>()
  let nodes = 0
  let stopped = false

  const report = (code: string, message: string, path: readonly PathSegment[]): void => {
    if (problems.length < limits.maxProblems) problems.push(problem('error', code, message, path))
    else stopped = true
  }

  const copy = (value: unknown, path: PathSegment[], depth: number): unknown => {
    if (stopped) return undefined
    nodes++
    if (nodes > limits.maxNodes) {
      report(Code.TOO_LARGE, `more than ${limits.maxNodes} values`, [])
      stopped = true
      return undefined
    }
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) report(Code.NOT_JSON, 'number is out of range (not finite)', path)
      return value
    }
    if (typeof value !== 'object') {
      report(Code.NOT_JSON, `a ${typeof value} is not JSON data`, path)
      return undefined
    }
    if (depth >= limits.maxDepth) {
      report(Code.TOO_DEEP, `nesting deeper than ${limits.maxDepth} levels`, path)
      return undefined
    }
    if (ancestors.has(value)) {
      report(Code.NOT_JSON, 'the value contains a reference cycle', path)
      return undefined
    }
    ancestors.add(value)
    try {
      if (Array.isArray(value)) {
        const out: unknown[] = []
        for (let i = 0; i < value.length && !stopped; i++) {
          path.push(i)
          out.push(copy(value[i], path, depth + 1))
          path.pop()
        }
        return out
      }
      const proto: unknown = Object.getPrototypeOf(value)
      if (proto !== Object.prototype && proto !== null) {
        report(Code.NOT_JSON, 'only plain objects are JSON data', path)
        return undefined
      }
      const out: Record<string, unknown> = {}
      for (const key of Object.keys(value)) {
        if (stopped) break
        const item = (value as Record<string, unknown>)[key]
        // An undefined property is absent, as JSON.stringify treats it (typical of in-memory documents).
        if (item === undefined) continue
        path.push(key)
        if (FORBIDDEN_KEYS.has(key))
          report(Code.FORBIDDEN_KEY, `key ${JSON.stringify(key)} is not allowed`, path)
        else out[key] = copy(item, path, depth + 1)
        path.pop()
      }
      return out
    } finally {
      ancestors.delete(value)
    }
  }

  const value = copy(input, [], 0)
  if (stopped && problems.length >= limits.maxProblems) {
    problems.push(problem('error', Code.TOO_LARGE, 'too many problems; the rest are not listed', '$'))
  }
  return problems.length > 0 ? { problems } : { value, problems }
}

/**
 * Checks a value fresh from `JSON.parse` of text that passed `checkText`, without copying it: such a
 * value is already plain data without cycles, so only prototype keys and numbers too large for a
 * double (`1e400` parses to Infinity) remain to be found.
 */
export function checkParsed(value: unknown, limits: DocumentLimits = DEFAULT_LIMITS): Problem[] {
  const problems: Problem[] = []
  const path: PathSegment[] = []
  const visit = (node: unknown): void => {
    if (problems.length >= limits.maxProblems) return
    if (typeof node === 'number') {
      if (!Number.isFinite(node))
        problems.push(problem('error', Code.NOT_JSON, 'number is out of range (not finite)', path))
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i)
        visit(node[i])
        path.pop()
      }
    } else if (typeof node === 'object' && node !== null) {
      for (const key in node) {
        path.push(key)
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push(
            problem('error', Code.FORBIDDEN_KEY, `key ${JSON.stringify(key)} is not allowed`, path),
          )
        } else visit((node as Record<string, unknown>)[key])
        path.pop()
      }
    }
  }
  visit(value)
  return problems
}

/** True for a plain (non-array, non-null) object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
