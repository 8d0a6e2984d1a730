/**
 * Coded problems for documents: the codes, small constructors and JSON-path helpers. Every finding
 * of the loader, validator, analyzer and Python importer is one of these, never an exception.
 */
import type { Problem, ProblemLocation } from './types'

/** Every code a document problem can carry. Codes are stable: the UI, the CLI and tests rely on them. */
export const DocumentProblemCode = {
  /** The text is not valid JSON. */
  PARSE_ERROR: 'DOC_PARSE_ERROR',
  /** The text or value exceeds the size limit. */
  TOO_LARGE: 'DOC_TOO_LARGE',
  /** Objects or arrays nest deeper than the limit. */
  TOO_DEEP: 'DOC_TOO_DEEP',
  /** The value is not plain JSON data (a cycle, a class instance, a function, a non-finite number). */
  NOT_JSON: 'DOC_NOT_JSON',
  /** A key such as `__proto__` that could pollute object prototypes. */
  FORBIDDEN_KEY: 'DOC_FORBIDDEN_KEY',
  /** The root is not a Routilux flow document. */
  NOT_A_DOCUMENT: 'DOC_NOT_A_DOCUMENT',
  /** A payload written by the Python `Flow.serialize()`; open it through the Python import. */
  PYTHON_PAYLOAD: 'DOC_PYTHON_PAYLOAD',
  /** `version` is missing or not a positive integer. */
  VERSION_INVALID: 'DOC_VERSION_INVALID',
  /** `version` is newer than this build understands. */
  VERSION_UNSUPPORTED: 'DOC_VERSION_UNSUPPORTED',
  /** A migration step upgraded the document; saving writes the new version. */
  MIGRATED: 'DOC_MIGRATED',
  /** The document violates the JSON Schema. */
  SCHEMA: 'DOC_SCHEMA',
  /** A key the format does not define; it is dropped on save. */
  UNKNOWN_KEY: 'DOC_UNKNOWN_KEY',
  /** A layout position for a routine that does not exist; it is dropped on save. */
  ORPHAN_POSITION: 'DOC_ORPHAN_POSITION',
  DUPLICATE_ROUTINE: 'DUPLICATE_ROUTINE',
  DUPLICATE_CONNECTION: 'DUPLICATE_CONNECTION',
  DUPLICATE_NOTE: 'DUPLICATE_NOTE',
  UNKNOWN_ROUTINE: 'UNKNOWN_ROUTINE',
  UNKNOWN_EVENT: 'UNKNOWN_EVENT',
  UNKNOWN_SLOT: 'UNKNOWN_SLOT',
  UNKNOWN_TYPE: 'UNKNOWN_TYPE',
  INVALID_CONFIG: 'INVALID_CONFIG',
  /** A merge override names a slot the routine does not have. */
  UNKNOWN_MERGE_SLOT: 'UNKNOWN_MERGE_SLOT',
} as const
/** A document problem code. */
export type DocumentProblemCode = (typeof DocumentProblemCode)[keyof typeof DocumentProblemCode]

/** Codes of the findings only the analyzer makes (it also reports the validator's semantic codes). */
export const AnalysisCode = {
  NO_ENTRY_POINT: 'NO_ENTRY_POINT',
  UNREACHABLE_ROUTINE: 'UNREACHABLE_ROUTINE',
  CYCLE: 'CYCLE',
  UNCONNECTED_SLOT: 'UNCONNECTED_SLOT',
  UNCONNECTED_EVENT: 'UNCONNECTED_EVENT',
  TYPE_VERSION_NEWER: 'TYPE_VERSION_NEWER',
} as const
/** An analyzer-only problem code. */
export type AnalysisCode = (typeof AnalysisCode)[keyof typeof AnalysisCode]

/** One step of a JSON path: an object key or an array index. */
export type PathSegment = string | number

/** Formats path segments as a JSON path such as `$.routines[2].config["max length"]`. */
export function jsonPath(segments: readonly PathSegment[]): string {
  let path = '$'
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) path += `.${segment}`
    else path += `[${JSON.stringify(segment)}]`
  }
  return path
}

/** Builds a problem; `where` is a JSON path string or path segments, plus optional routine/connection ids. */
export function problem(
  severity: Problem['severity'],
  code: string,
  message: string,
  where: string | readonly PathSegment[],
  ids: Omit<ProblemLocation, 'path'> = {},
): Problem {
  const path = typeof where === 'string' ? where : jsonPath(where)
  return { severity, code, message, location: { path, ...ids } }
}

/** True when any problem has severity `error`. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error')
}

/** Formats a problem the way the command line prints it: `PATH: CODE message`. */
export function formatProblem(p: Problem): string {
  return `${p.location.path}: ${p.code} ${p.message}`
}

/** Quotes a user-supplied name for a message, keeping it on one line and reasonably short. */
export function quoteName(value: string, max = 80): string {
  const shown = value.length > max ? `${value.slice(0, max)}…` : value
  return JSON.stringify(shown)
}
