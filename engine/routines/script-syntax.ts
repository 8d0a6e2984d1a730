/**
 * Syntax check of script routine code, shared by the executor (before a run) and the editor (inline
 * errors). Pure: it parses with acorn and never runs the code.
 */
import { type Node, parse } from 'acorn'
import { ErrorCode, RoutiluxError } from '../errors'

/** The names a script sees as parameters, in order. */
export const SCRIPT_PARAMETERS = ['data', 'config', 'emit', 'log', 'meta'] as const

const PREFIX = `(async function (${SCRIPT_PARAMETERS.join(', ')}) {'use strict';\n`
const SUFFIX = '\n})'

/** Lines the wrapper adds before the user's first line (subtract from reported line numbers). */
export const SCRIPT_LINE_OFFSET = 1

/** A syntax error in user code; `line`/`column` are 1-based, offsets index into the user's code. */
export interface ScriptDiagnostic {
  readonly message: string
  readonly line: number
  readonly column: number
  readonly start: number
  readonly end: number
}

/**
 * The exact source the sandbox compiles: the user's code as the body of a strict async function with
 * the `SCRIPT_PARAMETERS`. The first user line is line `SCRIPT_LINE_OFFSET + 1` of the result.
 */
export function wrapScriptSource(code: string): string {
  return `${PREFIX}${code}${SUFFIX}`
}

/** Checks `code` as a script body; an empty list means it compiles. */
export function checkScriptSyntax(code: string): ScriptDiagnostic[] {
  const wrapped = wrapScriptSource(code)
  let program: Node & { body?: Node[] }
  try {
    program = parse(wrapped, { ecmaVersion: 'latest', sourceType: 'script', locations: true })
  } catch (error) {
    if (error instanceof SyntaxError && typeof (error as { pos?: unknown }).pos === 'number') {
      const pos = (error as unknown as { pos: number }).pos
      return [diagnostic(code, error.message.replace(/\s*\(\d+:\d+\)$/, ''), pos - PREFIX.length)]
    }
    throw error
  }
  const statement = program.body?.[0] as (Node & { expression?: Node & { body?: Node } }) | undefined
  const bodyEnd = statement?.expression?.body?.end
  const expectedEnd = PREFIX.length + code.length + 2
  if (program.body?.length !== 1 || bodyEnd !== expectedEnd) {
    const at = (bodyEnd ?? PREFIX.length) - PREFIX.length - 1
    return [diagnostic(code, "Unbalanced '}': the code closes the handler function early", at)]
  }
  return []
}

/** Throws `SCRIPT_SYNTAX_ERROR` (with line and column) when `code` does not compile. */
export function assertScriptSyntax(code: string): void {
  const [first] = checkScriptSyntax(code)
  if (first !== undefined) {
    throw new RoutiluxError(
      ErrorCode.SCRIPT_SYNTAX_ERROR,
      `${first.message} (line ${first.line}, column ${first.column})`,
      { ...first },
    )
  }
}

function diagnostic(code: string, message: string, rawOffset: number): ScriptDiagnostic {
  const offset = Math.max(0, Math.min(rawOffset, code.length))
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset; i++) {
    if (code.charCodeAt(i) === 10) {
      line += 1
      lineStart = i + 1
    }
  }
  return {
    message,
    line,
    column: offset - lineStart + 1,
    start: offset,
    end: Math.min(offset + 1, code.length),
  }
}
