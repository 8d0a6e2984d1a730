/** A choice among the schema's `enum` values. */
import type { FieldProps } from '../field-props'
import { inputId } from '../field-props'

export function EnumControl(props: FieldProps) {
  const { schema, value, path, onChange } = props
  const options = Array.isArray(schema.enum) ? schema.enum : []
  const index = options.indexOf(value)
  return (
    <select
      id={inputId(props)}
      className="input"
      value={index >= 0 ? String(index) : ''}
      onChange={(e) => onChange(path, e.target.value === '' ? undefined : options[Number(e.target.value)])}
    >
      {index < 0 && <option value="">—</option>}
      {options.map((option, i) => (
        <option key={JSON.stringify(option)} value={String(i)}>
          {option === null ? '(none)' : String(option)}
        </option>
      ))}
    </select>
  )
}
