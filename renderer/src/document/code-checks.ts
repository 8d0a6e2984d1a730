/**
 * Checks of code inside configs that a JSON Schema cannot express: script fields must parse as the
 * body of a handler, expression fields must parse in the expression language. Fields are found by
 * their schema's `x-editor` hint, at any depth (a router's `routes[].condition`, a script's `code`).
 */
import { type PathSegment, problem } from '../../../engine/document/problems'
import type { Problem, RoutineSpec } from '../../../engine/document/types'
import type { JsonSchema, RoutineTypeDescriptor } from '../../../engine/routines/descriptor'
import { checkExpression } from '../../../engine/routines/expression'
import { checkScriptSyntax } from '../../../engine/routines/script-syntax'
import { fieldKind, isSchema } from '../forms/schema-kind'

/** Problems of the script and expression fields of `routine` (at `index` in the document). */
export function checkCodeFields(
  routine: RoutineSpec,
  index: number,
  descriptor: RoutineTypeDescriptor | undefined,
): Problem[] {
  if (!descriptor) return []
  const problems: Problem[] = []
  walk(
    descriptor.configSchema,
    routine.config,
    ['routines', index, 'config'],
    undefined,
    (kind, value, path) => {
      if (typeof value !== 'string' || value.trim() === '') return
      if (kind === 'script') {
        const [first] = checkScriptSyntax(value)
        if (first) {
          problems.push(
            problem(
              'error',
              'SCRIPT_SYNTAX_ERROR',
              `${first.message} (line ${first.line}, column ${first.column})`,
              path,
              {
                routineId: routine.id,
              },
            ),
          )
        }
      } else {
        const [first] = checkExpression(value)
        if (first) {
          problems.push(
            problem('error', 'EXPRESSION_ERROR', `${first.message} (column ${first.column})`, path, {
              routineId: routine.id,
            }),
          )
        }
      }
    },
  )
  return problems
}

type Visit = (kind: 'script' | 'expression', value: unknown, path: readonly PathSegment[]) => void

function walk(
  schema: JsonSchema,
  value: unknown,
  path: readonly PathSegment[],
  key: string | undefined,
  visit: Visit,
): void {
  const kind = fieldKind(schema, key)
  if (kind === 'script' || kind === 'expression') {
    visit(kind, value, path)
    return
  }
  if (kind === 'object' && isSchema(schema.properties) && isRecord(value)) {
    for (const [name, child] of Object.entries(schema.properties)) {
      if (isSchema(child)) walk(child, value[name], [...path, name], name, visit)
    }
  } else if (kind === 'array' && isSchema(schema.items) && Array.isArray(value)) {
    const items = schema.items
    for (const [i, item] of value.entries()) walk(items, item, [...path, i], undefined, visit)
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
