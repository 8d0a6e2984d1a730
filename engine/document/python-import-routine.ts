/**
 * Converting one routine of a Python `Flow.serialize()` payload: its class to a routine type (or a
 * `python.<Class>` placeholder), its config (router conditions translated, keys without a
 * counterpart dropped and reported), slot merge strategies and error handler.
 */
import type { RoutineTypeDescriptor } from '../routines/descriptor'
import { FORBIDDEN_KEYS, isRecord } from './guard'
import { type PathSegment, problem, quoteName } from './problems'
import { translateCondition } from './python-conditions'
import { PYTHON_PLACEHOLDER_PREFIX, pythonClass } from './python-import-classes'
import type { ErrorHandlerSpec, Problem, RoutineSpec } from './types'

/** Codes of routine-level import findings. */
export const PythonImportCode = {
  NOT_A_FLOW: 'PY_NOT_A_FLOW',
  INVALID: 'PY_INVALID',
  UNKNOWN_CLASS: 'UNKNOWN_TYPE',
  CONFIG_DROPPED: 'PY_CONFIG_DROPPED',
  CONDITION_UNTRANSLATED: 'PY_CONDITION_UNTRANSLATED',
  MERGE_DROPPED: 'PY_MERGE_DROPPED',
  NOT_IMPORTED: 'PY_NOT_IMPORTED',
} as const

/** A converted routine plus the Python port names connections refer to, mapped to ours. */
export interface ConvertedRoutine {
  readonly spec: RoutineSpec
  readonly pythonSlots: string[]
  readonly pythonEvents: string[]
  readonly slotName: (python: string) => string
  readonly eventName: (python: string) => string
}

/** Converts the routine `id` at document index `index`; problems use paths into the new document. */
export function convertRoutine(
  id: string,
  raw: Record<string, unknown>,
  index: number,
  descriptors: ReadonlyMap<string, RoutineTypeDescriptor>,
  problems: Problem[],
): ConvertedRoutine {
  const at = (...rest: PathSegment[]) => ['routines', index, ...rest]
  const report = (severity: Problem['severity'], code: string, message: string, path: PathSegment[]) =>
    problems.push(problem(severity, code, message, path, { routineId: id }))
  const className = typeof raw._type === 'string' && raw._type.length > 0 ? raw._type : 'Routine'
  const mapping = pythonClass(className)
  const slots = portEntries(raw._slots)
  const events = portEntries(raw._events)
  const slotName = (name: string) => mapping?.slots?.[name] ?? name
  const eventName = (name: string) => mapping?.events?.[name] ?? name
  const pythonConfig = isRecord(raw._config) ? raw._config : {}
  const spec: RoutineSpec = {
    id,
    type: mapping?.type ?? `${PYTHON_PLACEHOLDER_PREFIX}${className}`,
    config: {},
  }

  if (mapping) {
    const descriptor = descriptors.get(mapping.type)
    spec.config = convertConfig(className, pythonConfig, descriptor, mapping.obsoleteConfig ?? [], report, at)
    if (className === 'ConditionalRouter') spec.typeVersion = 2
  } else {
    spec.config = pythonConfig
    spec.title = className
    const names = (list: readonly { name: string }[]) => list.map((p) => p.name).join(', ') || 'none'
    spec.description = `Python class ${className} (slots: ${names(slots)}; events: ${names(events)})`
    report(
      'error',
      PythonImportCode.UNKNOWN_CLASS,
      `Python class ${quoteName(className)} has no counterpart here; routine ${quoteName(id)} is a placeholder (type ${quoteName(spec.type)}) until it is replaced`,
      at('type'),
    )
  }

  const declared = mapping ? descriptors.get(mapping.type) : undefined
  const merge: Record<string, 'override' | 'append'> = {}
  for (const slot of slots) {
    const ours = slotName(slot.name)
    if (slot.merge === 'append' || slot.merge === 'override') {
      const native = declared?.slots.find((s) => s.name === ours)?.merge ?? 'override'
      if (slot.merge !== native) merge[ours] = slot.merge
    } else if (slot.merge !== undefined) {
      report(
        'warning',
        PythonImportCode.MERGE_DROPPED,
        `slot ${quoteName(slot.name)} used a custom Python merge function, which cannot be imported; it merges by override`,
        at(),
      )
    }
    if (slot.buffered) {
      report(
        'info',
        PythonImportCode.NOT_IMPORTED,
        `buffered data of slot ${quoteName(slot.name)} is run state and is not imported`,
        at(),
      )
    }
  }
  if (Object.keys(merge).length > 0) spec.merge = merge

  const handler = convertErrorHandler(raw._error_handler)
  if (handler) spec.errorHandler = handler
  for (const key of ['_before_hooks', '_after_hooks'] as const) {
    if (Array.isArray(raw[key]) && raw[key].length > 0) {
      report(
        'info',
        PythonImportCode.NOT_IMPORTED,
        `${key} are not imported (Python never called them)`,
        at(),
      )
    }
  }
  return {
    spec,
    pythonSlots: slots.map((s) => s.name),
    pythonEvents: events.map((e) => e.name),
    slotName,
    eventName,
  }
}

function convertConfig(
  className: string,
  config: Record<string, unknown>,
  descriptor: RoutineTypeDescriptor | undefined,
  obsolete: readonly string[],
  report: (severity: Problem['severity'], code: string, message: string, path: PathSegment[]) => void,
  at: (...rest: PathSegment[]) => PathSegment[],
): Record<string, unknown> {
  const properties = descriptor?.configSchema.properties
  const known = isRecord(properties) ? new Set(Object.keys(properties)) : undefined
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(config)) {
    if (known && !known.has(key)) {
      const why = obsolete.includes(key) ? 'has no meaning here' : 'is not a setting of this routine type'
      report(
        obsolete.includes(key) ? 'info' : 'warning',
        PythonImportCode.CONFIG_DROPPED,
        `config ${quoteName(key)} ${why}; dropped`,
        at('config'),
      )
      continue
    }
    out[key] = value
  }
  if (className === 'ConditionalRouter') out.routes = convertRoutes(out.routes, report, at)
  if (className === 'DataTransformer' && Array.isArray(out.transformations)) {
    const names = out.transformations.filter((t): t is string => typeof t === 'string')
    if (names.length < out.transformations.length) {
      report(
        'warning',
        PythonImportCode.CONFIG_DROPPED,
        'transformations given as Python functions cannot be imported; dropped',
        at('config', 'transformations'),
      )
    }
    out.transformations = names
  }
  return out
}

function convertRoutes(
  routes: unknown,
  report: (severity: Problem['severity'], code: string, message: string, path: PathSegment[]) => void,
  at: (...rest: PathSegment[]) => PathSegment[],
): unknown[] {
  if (!Array.isArray(routes)) return []
  const out: unknown[] = []
  routes.forEach((route, i) => {
    if (!Array.isArray(route) || route.length !== 2 || typeof route[0] !== 'string' || route[0] === '') {
      report(
        'warning',
        PythonImportCode.INVALID,
        `route ${i} is not a [name, condition] pair; dropped`,
        at('config', 'routes'),
      )
      return
    }
    const [name, condition] = route as [string, unknown]
    const translated = translateCondition(condition)
    if ('condition' in translated) {
      out.push({ name, condition: translated.condition })
      return
    }
    const original = typeof condition === 'string' ? condition : JSON.stringify(condition)
    out.push({ name, condition: 'false', python: original })
    report(
      'warning',
      PythonImportCode.CONDITION_UNTRANSLATED,
      `route ${quoteName(name)}: ${translated.reason}; the route never matches until its condition is rewritten (the Python text is kept in "python")`,
      at('config', 'routes', out.length - 1, 'condition'),
    )
  })
  return out
}

/** Converts a Python ErrorHandler (seconds → milliseconds); `retry_count` is run state and is ignored. */
export function convertErrorHandler(raw: unknown): ErrorHandlerSpec | undefined {
  if (!isRecord(raw) || typeof raw.strategy !== 'string') return undefined
  const strategy = raw.strategy.toLowerCase()
  if (strategy !== 'stop' && strategy !== 'continue' && strategy !== 'retry' && strategy !== 'skip')
    return undefined
  const spec: ErrorHandlerSpec = { strategy }
  if (Number.isInteger(raw.max_retries) && (raw.max_retries as number) >= 0) {
    spec.maxRetries = Math.min(raw.max_retries as number, 1000)
  }
  if (typeof raw.retry_delay === 'number' && raw.retry_delay >= 0) {
    spec.retryDelayMs = Math.min(Math.round(raw.retry_delay * 1000), 2_147_483_647)
  }
  if (typeof raw.retry_backoff === 'number' && raw.retry_backoff > 0)
    spec.retryBackoff = Math.min(raw.retry_backoff, 1000)
  if (typeof raw.is_critical === 'boolean') spec.isCritical = raw.is_critical
  return spec
}

interface PortEntry {
  name: string
  merge?: unknown
  buffered: boolean
}

function portEntries(raw: unknown): PortEntry[] {
  if (!isRecord(raw)) return []
  const entries = Object.entries(raw).map(([key, value]) => {
    const name = isRecord(value) && typeof value.name === 'string' && value.name !== '' ? value.name : key
    const merge = isRecord(value) ? value.merge_strategy : undefined
    const buffered = isRecord(value) && isRecord(value._data) && Object.keys(value._data).length > 0
    return { name, ...(merge !== undefined && { merge }), buffered }
  })
  // A port named like a prototype key could never be connected safely; connections to it are reported.
  return entries.filter((p) => !FORBIDDEN_KEYS.has(p.name))
}
