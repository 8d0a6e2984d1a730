/**
 * Syntax check of script routine code for inline editor errors. It parses the code as the body of
 * the same strict async handler function the engine compiles it into, and never runs it.
 */
import { parse } from 'acorn'

/** The names a script sees as parameters, in the engine's order. */
const PARAMETERS = ['data', 'config', 'emit', 'log', 'meta']
const PREFIX = `(async function (${PARAMETERS.join(', ')}) {'use strict';\n`
const SUFFIX = '\n})'

export interface SyntaxDiagnostic {
  readonly message: string
  /** Offsets into the user's code. */
  readonly from: number
  readonly to: number
  readonly line: number
  readonly column: number
}

/** Syntax errors of a script body; empty when it compiles. */
export function checkScript(code: string): SyntaxDiagnostic[] {
  const wrapped = `${PREFIX}${code}${SUFFIX}`
  try {
    const program = parse(wrapped, { ecmaVersion: 'latest', sourceType: 'script' }) as unknown as {
      body: { expression?: { body?: { end: number } } }[]
    }
    const end = program.body[0]?.expression?.body?.end
    if (program.body.length !== 1 || end !== PREFIX.length + code.length + 2) {
      return [
        at(
          code,
          "Unbalanced '}': the code closes the handler function early",
          (end ?? PREFIX.length) - PREFIX.length - 1,
        ),
      ]
    }
    return []
  } catch (error) {
    if (error instanceof SyntaxError && typeof (error as { pos?: unknown }).pos === 'number') {
      const pos = (error as unknown as { pos: number }).pos - PREFIX.length
      return [at(code, error.message.replace(/\s*\(\d+:\d+\)$/, ''), pos)]
    }
    throw error
  }
}

function at(code: string, message: string, raw: number): SyntaxDiagnostic {
  const from = Math.max(0, Math.min(raw, code.length))
  const before = code.slice(0, from)
  const line = before.split('\n').length
  const column = from - (before.lastIndexOf('\n') + 1) + 1
  return { message, from, to: Math.min(from + 1, code.length), line, column }
}
