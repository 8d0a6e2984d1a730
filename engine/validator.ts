/**
 * Slot validators. A validator runs on the merged payload before the handler; a failure raises
 * `VALIDATION_FAILED` (handled by the routine's error strategy) and the data is not merged.
 */
import { ErrorCode, RoutiluxError } from './errors'
import type { Payload } from './types'

/** Field types understood by `Validator.types`. */
export type FieldType = 'string' | 'number' | 'boolean' | 'object' | 'array'

/** A custom check: `true`/`undefined` = valid, `false` or a message = invalid; throwing = invalid. */
export type ValidationFn = (data: Payload) => boolean | string | undefined

const FIELD_TYPES: ReadonlySet<string> = new Set(['string', 'number', 'boolean', 'object', 'array'])

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

/** Checks a payload; `validate` throws `RoutiluxError` `VALIDATION_FAILED` when it is invalid. */
export class Validator {
  readonly #check: (data: Payload) => string | undefined

  private constructor(check: (data: Payload) => string | undefined) {
    this.#check = check
  }

  /**
   * Requires each listed field to be present with the given type.
   * @example Validator.types({ name: 'string', count: 'number' })
   */
  static types(fields: Readonly<Record<string, FieldType>>): Validator {
    const entries = Object.entries(fields)
    for (const [field, type] of entries) {
      if (!FIELD_TYPES.has(type)) {
        throw new RoutiluxError(ErrorCode.INVALID_ARGUMENT, `unknown field type "${type}" for "${field}"`, {
          field,
          type,
        })
      }
    }
    return new Validator((data) => {
      for (const [field, type] of entries) {
        if (!(field in data) || data[field] === undefined) return `missing required field "${field}"`
        const actual = typeOf(data[field])
        if (actual !== type) return `field "${field}" must be ${type}, got ${actual}`
      }
      return undefined
    })
  }

  /** Wraps a custom check function. */
  static custom(fn: ValidationFn): Validator {
    if (typeof fn !== 'function') {
      throw new RoutiluxError(ErrorCode.INVALID_ARGUMENT, 'Validator.custom needs a function')
    }
    return new Validator((data) => {
      const result = fn(data)
      if (result === true || result === undefined) return undefined
      if (typeof result === 'string' && result.length > 0) return result
      return 'custom validation failed'
    })
  }

  /** Throws `VALIDATION_FAILED` if `data` is invalid; errors thrown by a custom check become that code too. */
  validate(data: Payload): void {
    let message: string | undefined
    let cause: unknown
    try {
      message = this.#check(data)
    } catch (error) {
      cause = error
      message = error instanceof Error ? error.message : String(error)
    }
    if (message !== undefined) {
      throw new RoutiluxError(ErrorCode.VALIDATION_FAILED, `validation failed: ${message}`, undefined, {
        cause,
      })
    }
  }
}
