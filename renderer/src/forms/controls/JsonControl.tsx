/** Any value the form cannot draw as JSON text; the value changes only when the text parses. */
import { useEffect, useState } from 'react'
import type { FieldProps } from '../field-props'
import { inputId } from '../field-props'

export function JsonControl(props: FieldProps) {
  const { value, path, onChange } = props
  const external = value === undefined ? '' : JSON.stringify(value, null, 2)
  const [text, setText] = useState(external)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    setText(external)
    setError(null)
  }, [external])
  return (
    <>
      <textarea
        id={inputId(props)}
        className={`input code${error ? ' invalid' : ''}`}
        rows={Math.min(10, Math.max(2, text.split('\n').length))}
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value)
          if (e.target.value.trim() === '') {
            setError(null)
            onChange(path, undefined)
            return
          }
          try {
            onChange(path, JSON.parse(e.target.value))
            setError(null)
          } catch (err) {
            setError(err instanceof Error ? err.message : String(err))
          }
        }}
      />
      {error && <div className="field-error">Not valid JSON: {error}</div>}
    </>
  )
}
