/**
 * A labelled number setting: an empty field removes the value; a value out of its bounds stays in the
 * field with the reason and is not applied, so the document always stays saveable.
 */
import { useEffect, useState } from 'react'
import { type NumberBounds, numberProblem } from './number-bounds'

interface NumberSettingProps {
  readonly id: string
  readonly label: string
  readonly value: number | undefined
  readonly placeholder: string
  readonly bounds: NumberBounds
  readonly step?: number
  readonly onChange: (value: number | undefined) => void
}

export function NumberSetting({ id, label, value, placeholder, bounds, step, onChange }: NumberSettingProps) {
  const external = value === undefined ? '' : String(value)
  const [text, setText] = useState(external)
  const [error, setError] = useState<string | undefined>()
  useEffect(() => {
    setText((current) => (current !== '' && Number(current) === value ? current : external))
    setError(undefined)
  }, [external, value])
  const min = bounds.minimum ?? bounds.exclusiveMinimum
  return (
    <div className={`form-field inline${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        type="number"
        min={min}
        max={bounds.maximum}
        step={step ?? (bounds.type === 'integer' ? 1 : 'any')}
        value={text}
        placeholder={placeholder}
        aria-invalid={error !== undefined}
        onChange={(e) => {
          setText(e.target.value)
          if (e.target.value === '') {
            setError(undefined)
            if (value !== undefined) onChange(undefined)
            return
          }
          const problem = numberProblem(e.target.valueAsNumber, bounds)
          setError(problem)
          if (!problem) onChange(e.target.valueAsNumber)
        }}
      />
      {error && <div className="field-error">{error}</div>}
    </div>
  )
}
