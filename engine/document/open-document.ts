/**
 * Opening any flow file: a Routilux Studio document is loaded, a Python Routilux payload
 * (`"_type": "Flow"`) is imported. One parse, the same coded problems either way.
 */

import { checkText, DEFAULT_LIMITS } from './guard'
import { findJsonError } from './json-error'
import { type LoadOptions, type LoadResult, loadDocument } from './load'
import { DocumentProblemCode, problem } from './problems'
import { importPythonFlow, isPythonFlowPayload } from './python-import'

/** A load result that also says which format the text was in. */
export interface OpenResult extends LoadResult {
  readonly source: 'routilux' | 'python'
}

/** Parses flow text in either format. */
export function openDocumentText(text: string, options: LoadOptions = {}): OpenResult {
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  const textProblems = typeof text === 'string' ? checkText(text, limits) : []
  if (textProblems.length > 0)
    return { problems: textProblems, migrations: [], ok: false, source: 'routilux' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const found = findJsonError(String(text))
    const message = found
      ? `invalid JSON at line ${found.line}, column ${found.column}: ${found.message}`
      : `invalid JSON: ${error instanceof Error ? error.message : String(error)}`
    return {
      problems: [problem('error', DocumentProblemCode.PARSE_ERROR, message, '$')],
      migrations: [],
      ok: false,
      source: 'routilux',
    }
  }
  if (isPythonFlowPayload(value)) return { ...importPythonFlow(value, options), source: 'python' }
  return { ...loadDocument(value, options), source: 'routilux' }
}
