/**
 * A config form generated from a routine type's JSON Schema, validated live with the same checker
 * the engine uses (no code generation, so it runs under the strict CSP).
 */
import { useMemo } from 'react'
import type { JsonSchema } from '../../../engine/routines/descriptor'
import { validateConfigSchema } from '../../../engine/routines/descriptor-config'
import type { Payload } from '../../../engine/types'
import { ObjectFields } from './ObjectFields'
import { SchemaField } from './SchemaField'
import { isSchema } from './schema-kind'
import { type PathKey, pathString, setIn } from './value-path'

interface SchemaFormProps {
  readonly schema: JsonSchema
  readonly value: Payload
  /** Called with the whole new config and the path that changed (for coalescing undo steps). */
  readonly onChange: (config: Payload, changedPath: string) => void
  readonly idPrefix: string
  /** Extra messages by JSON path, e.g. from document validation. */
  readonly extraIssues?: readonly { path: string; message: string }[]
}

export function SchemaForm({ schema, value, onChange, idPrefix, extraIssues = [] }: SchemaFormProps) {
  const issues = useMemo(() => {
    const map = new Map<string, string[]>()
    for (const issue of [...validateConfigSchema(schema, value), ...extraIssues]) {
      const list = map.get(issue.path) ?? []
      if (!list.includes(issue.message)) list.push(issue.message)
      map.set(issue.path, list)
    }
    return map
  }, [schema, value, extraIssues])
  const rootMessages = issues.get('$') ?? []
  const hasFields = isSchema(schema.properties) && Object.keys(schema.properties).length > 0

  const change = (path: readonly PathKey[], next: unknown) => {
    onChange(setIn(value, path, next) as Payload, pathString(path))
  }

  return (
    <div className="schema-form">
      {hasFields ? (
        <ObjectFields
          schema={schema}
          path={[]}
          value={value}
          onChange={change}
          issues={issues}
          idPrefix={idPrefix}
          Field={SchemaField}
        />
      ) : (
        <p className="muted small">This routine has no settings.</p>
      )}
      {rootMessages.map((m) => (
        <div key={m} className="field-error">
          {m}
        </div>
      ))}
    </div>
  )
}
