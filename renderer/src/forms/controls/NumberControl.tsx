/** A number or integer; keeps what is typed until it parses, empty removes the value. */
import { useEffect, useState } from 'react'
import type { FieldProps } from '../field-props'
import { inputId } from '../field-props'
import { isNullable } from '../schema-kind'

export function NumberControl(props: FieldProps & { integer: boolean }) {
  const { schema, value, path, onChange, integer } = props
  const external = typeof value === 'number' ? String(value) : ''
  const [text, setText] = useState(external)
  useEffect(() => setText((current) => (Number(current) === value ? current : external)), [external, value])
  return (
    <input
      id={inputId(props)}
      className="input"
      type="number"
      inputMode={integer ? 'numeric' : 'decimal'}
      step={integer ? 1 : 'any'}
      min={typeof schema.minimum === 'number' ? schema.minimum : undefined}
      max={typeof schema.maximum === 'number' ? schema.maximum : undefined}
      value={text}
      onChange={(e) => {
        setText(e.target.value)
        if (e.target.value === '') onChange(path, isNullable(schema) ? null : undefined)
        else if (Number.isFinite(e.target.valueAsNumber)) onChange(path, e.target.valueAsNumber)
      }}
    />
  )
}
