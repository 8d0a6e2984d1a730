/**
 * DataValidator's algorithm as a pure function: required fields, per-field rules, extra fields,
 * list items and plain values. Strict mode stops at the first error (Routilux could report two).
 */
import { isRecord } from '../../../payload'
import type { Payload } from '../../../types'
import { type CompiledExpression, compileExpression, ExpressionError } from '../../expression'
import { textOf } from '../shared/types'
import { CHECKS } from './checks'

/** Variables of a rule expression: the field value, the whole input and the config. */
export const RULE_VARIABLES = ['value', 'data', 'config'] as const

/** Validation options (the routine's config, or the message's `rules`). */
export interface RuleOptions {
  readonly rules: Record<string, unknown>
  readonly requiredFields: readonly string[]
  readonly allowExtraFields: boolean
  readonly strict: boolean
  readonly config: Payload
}

const compiled = new Map<string, CompiledExpression>()

function expression(source: string): CompiledExpression {
  let result = compiled.get(source)
  if (!result) {
    result = compileExpression(source, { variables: RULE_VARIABLES })
    if (compiled.size > 500) compiled.clear()
    compiled.set(source, result)
  }
  return result
}

/** Every error message for `data` under `options` (empty = valid). */
export function validateData(data: unknown, options: RuleOptions): string[] {
  const errors: string[] = []
  const stop = () => options.strict && errors.length > 0
  const check = (ruleKey: string, field: string, value: unknown): void => {
    const rule = options.rules[ruleKey]
    const rules = Array.isArray(rule) ? rule : [rule]
    for (const one of rules) {
      const error = applyRule(field, one, value, data, options.config)
      if (error !== undefined) {
        errors.push(error)
        return
      }
    }
  }
  if (isRecord(data)) {
    for (const field of options.requiredFields) {
      if (!Object.hasOwn(data, field)) errors.push(`Required field '${field}' is missing`)
      if (stop()) return errors
    }
    for (const [field, value] of Object.entries(data)) {
      if (Object.hasOwn(options.rules, field)) check(field, field, value)
      else if (!options.allowExtraFields) errors.push(`Unexpected field '${field}'`)
      if (stop()) return errors
    }
  } else if (Array.isArray(data)) {
    if (Object.hasOwn(options.rules, 'items')) {
      for (const [i, item] of data.entries()) {
        check('items', `items[${i}]`, item)
        if (stop()) return errors
      }
    }
  } else if (Object.hasOwn(options.rules, 'value')) {
    check('value', 'value', data)
  }
  return errors
}

function applyRule(
  field: string,
  rule: unknown,
  value: unknown,
  data: unknown,
  config: Payload,
): string | undefined {
  if (typeof rule === 'string') {
    const named = Object.hasOwn(CHECKS, rule) ? CHECKS[rule] : undefined
    if (!named) return `Unknown validator: ${rule}`
    return named(value) ? undefined : `Field '${field}' failed validation`
  }
  if (isRecord(rule) && typeof rule.expression === 'string') {
    try {
      if (expression(rule.expression).test({ value, data, config })) return undefined
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error
      return `Validation error for field '${field}': ${error.message}`
    }
    return typeof rule.message === 'string' && rule.message !== ''
      ? rule.message
      : `Field '${field}' failed validation`
  }
  return `Invalid validator for field '${field}': ${textOf(rule)}`
}
