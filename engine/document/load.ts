/**
 * Loading a flow document: parse → guard → migrate → validate (JSON Schema, then semantics) →
 * canonical document. Every failure is a list of coded problems with JSON paths; nothing throws.
 * Pure: no Node imports, so the renderer uses the same loader as the host and the CLI.
 */
import type { RoutineTypeDescriptor } from '../routines/descriptor'
import { canonicalDocument } from './canonical'
import { checkParsed, checkText, DEFAULT_LIMITS, type DocumentLimits, isRecord, sanitize } from './guard'
import { findJsonError } from './json-error'
import { type DocumentMigration, documentMigrations, migrateDocument } from './migrate'
import { DocumentProblemCode as Code, hasErrors, problem } from './problems'
import { validateSchema } from './schema-validate'
import { checkSemantics } from './semantics'
import type { FlowDocument, Problem } from './types'
import { DOCUMENT_FORMAT } from './types'

/** Options of `parseDocument`, `loadDocument` and `validateDocument`. */
export interface LoadOptions {
  /** Routine type descriptors; with them, types, events and slots are checked too. */
  readonly descriptors?: readonly RoutineTypeDescriptor[]
  readonly limits?: Partial<DocumentLimits>
  readonly migrations?: readonly DocumentMigration[]
}

/** The outcome of a load. */
export interface LoadResult {
  /** The canonical document; present when its structure is valid, even if semantic problems remain. */
  readonly document?: FlowDocument
  readonly problems: Problem[]
  /** Names of the migration steps that ran. */
  readonly migrations: string[]
  /** True when a document was produced and no problem is an error. */
  readonly ok: boolean
}

/** Code of the problem reported if a loader bug throws; never expected, but the caller still gets a problem. */
export const INTERNAL_ERROR = 'DOC_INTERNAL_ERROR'

/** Parses and loads a document from JSON text. */
export function parseDocument(text: string, options: LoadOptions = {}): LoadResult {
  return guarded(() => {
    if (typeof text !== 'string')
      return fail([problem('error', Code.NOT_JSON, 'document text must be a string', '$')])
    const limits = { ...DEFAULT_LIMITS, ...options.limits }
    const textProblems = checkText(text, limits)
    if (textProblems.length > 0) return fail(textProblems)
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      const found = findJsonError(text)
      const message = found
        ? `invalid JSON at line ${found.line}, column ${found.column}: ${found.message}`
        : `invalid JSON: ${error instanceof Error ? error.message : String(error)}`
      return fail([problem('error', Code.PARSE_ERROR, message, '$')])
    }
    // The parsed value is ours: check it in place instead of copying it.
    const parsedProblems = checkParsed(value, limits)
    if (parsedProblems.length > 0) return fail(parsedProblems)
    return loadValue(value, options, limits, true)
  })
}

/** Loads a document from an already parsed value (never mutated). */
export function loadDocument(value: unknown, options: LoadOptions = {}): LoadResult {
  return guarded(() => loadValue(value, options, { ...DEFAULT_LIMITS, ...options.limits }))
}

/** All problems of a document value (schema, semantics and, with descriptors, ports); empty when clean. */
export function validateDocument(value: unknown, options: LoadOptions = {}): Problem[] {
  return loadDocument(value, options).problems
}

function loadValue(value: unknown, options: LoadOptions, limits: DocumentLimits, owned = false): LoadResult {
  let root = value
  if (!owned) {
    const clean = sanitize(value, limits)
    if (clean.value === undefined) return fail(clean.problems)
    root = clean.value
  }
  if (!isRecord(root)) {
    return fail([problem('error', Code.NOT_A_DOCUMENT, 'a flow document must be a JSON object', '$')])
  }
  if (root._type === 'Flow' && root.format === undefined) {
    return fail([
      problem(
        'error',
        Code.PYTHON_PAYLOAD,
        'this is a flow serialised by Python Routilux; open it with the Python import',
        '$',
      ),
    ])
  }
  if (root.format !== DOCUMENT_FORMAT) {
    return fail([
      problem(
        'error',
        Code.NOT_A_DOCUMENT,
        `"format" must be "${DOCUMENT_FORMAT}"`,
        root.format === undefined ? '$' : ['format'],
      ),
    ])
  }
  const migrated = migrateDocument(root, options.migrations ?? documentMigrations)
  if (!migrated.value) return fail(migrated.problems, migrated.applied)
  const problems = [...migrated.problems, ...validateSchema(migrated.value, limits.maxProblems)]
  if (hasErrors(problems)) return fail(problems, migrated.applied)
  const raw = migrated.value as unknown as FlowDocument
  problems.push(...checkSemantics(raw, options.descriptors))
  const document = canonicalDocument(raw)
  return { document, problems, migrations: migrated.applied, ok: !hasErrors(problems) }
}

function fail(problems: Problem[], migrations: string[] = []): LoadResult {
  return { problems, migrations, ok: false }
}

function guarded(load: () => LoadResult): LoadResult {
  try {
    return load()
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return fail([problem('error', INTERNAL_ERROR, `the document could not be read: ${message}`, '$')])
  }
}
