/**
 * How Python Routilux built-in classes map onto our routine types: the type id, renamed ports and
 * config keys that have no counterpart. Classes not listed here become placeholders (`python.<Class>`).
 */

/** Mapping of one Python class. */
export interface PythonClassMapping {
  /** Our routine type id. */
  readonly type: string
  /** Python slot name → our slot name, where they differ. */
  readonly slots?: Readonly<Record<string, string>>
  /** Python event name → our event name, where they differ. */
  readonly events?: Readonly<Record<string, string>>
  /** Python config keys known to have no meaning here (dropped with an info problem, not a warning). */
  readonly obsoleteConfig?: readonly string[]
}

/** The built-in classes of Python Routilux 0.10 and their types here. */
export const PYTHON_CLASSES: Readonly<Record<string, PythonClassMapping>> = {
  ConditionalRouter: { type: 'control.router' },
  DataTransformer: {
    type: 'data.transformer',
    obsoleteConfig: ['transformation_map', 'chain_transformations'],
  },
  DataValidator: { type: 'data.validator' },
  TextClipper: { type: 'text.clipper' },
  TextRenderer: { type: 'text.renderer', obsoleteConfig: ['include_type_hints'] },
  ResultExtractor: {
    type: 'text.extractor',
    obsoleteConfig: ['detect_nested_structures', 'log_errors'],
  },
  DataFlattener: { type: 'util.flattener' },
  TimeProvider: { type: 'util.time', slots: { request: 'trigger' } },
}

/** Namespace of the placeholder types that stand for Python classes we do not have. */
export const PYTHON_PLACEHOLDER_PREFIX = 'python.'

/** The mapping of a class, if it is a known built-in (own keys only). */
export function pythonClass(name: string): PythonClassMapping | undefined {
  return Object.hasOwn(PYTHON_CLASSES, name) ? PYTHON_CLASSES[name] : undefined
}
