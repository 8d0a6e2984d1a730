/** Single-line or multi-line text; nullable fields store null when emptied. */
import type { FieldProps } from '../field-props'
import { inputId } from '../field-props'
import { isNullable } from '../schema-kind'

export function TextControl(props: FieldProps & { multiline?: boolean }) {
  const { schema, value, path, onChange, multiline } = props
  const text = typeof value === 'string' ? value : ''
  const commit = (next: string) => onChange(path, next === '' && isNullable(schema) ? null : next)
  const placeholder = isNullable(schema) ? '(none)' : undefined
  return multiline ? (
    <textarea
      id={inputId(props)}
      className="input"
      rows={4}
      value={text}
      placeholder={placeholder}
      onChange={(e) => commit(e.target.value)}
    />
  ) : (
    <input
      id={inputId(props)}
      className="input"
      type="text"
      value={text}
      placeholder={placeholder}
      onChange={(e) => commit(e.target.value)}
    />
  )
}
