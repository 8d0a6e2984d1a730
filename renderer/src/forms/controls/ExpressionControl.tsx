/** A condition in the expression language, checked as you type. */
import { useMemo } from 'react'
import { checkExpression } from '../../../../engine/routines/expression'
import type { FieldProps } from '../field-props'
import { inputId } from '../field-props'

export function ExpressionControl(props: FieldProps) {
  const { value, path, onChange } = props
  const text = typeof value === 'string' ? value : ''
  const diagnostics = useMemo(() => (text.trim() === '' ? [] : checkExpression(text)), [text])
  const first = diagnostics[0]
  return (
    <>
      <input
        id={inputId(props)}
        className={`input code${first ? ' invalid' : ''}`}
        type="text"
        spellCheck={false}
        placeholder="e.g. data.value > 10"
        value={text}
        onChange={(e) => onChange(path, e.target.value)}
      />
      {first && (
        <div className="field-error">
          {first.message} (column {first.column})
        </div>
      )}
    </>
  )
}
