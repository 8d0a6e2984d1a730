/**
 * The named checks of DataValidator. Unlike Routilux, booleans are not integers.
 */
import { isRecord } from '../../../payload'

/** A named check: true when the value passes. */
export type Check = (value: unknown) => boolean

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/** Built-in checks by name (Routilux names plus JSON-vocabulary aliases). */
export const CHECKS: Readonly<Record<string, Check>> = {
  not_empty: (v) => v !== null && v !== undefined && v !== '',
  is_string: (v) => typeof v === 'string',
  is_dict: isRecord,
  is_object: isRecord,
  is_list: Array.isArray,
  is_array: Array.isArray,
  is_int: (v) => isNumber(v) && Number.isInteger(v),
  is_float: isNumber,
  is_number: isNumber,
  is_boolean: (v) => typeof v === 'boolean',
  is_positive: (v) => isNumber(v) && v > 0,
  is_non_negative: (v) => isNumber(v) && v >= 0,
}
