/** The routine id: edited freely, applied on Enter or blur, refused with a reason when not usable. */
import { useEffect, useState } from 'react'

interface IdFieldProps {
  readonly id: string
  readonly onRename: (to: string) => string | undefined
}

export function IdField({ id, onRename }: IdFieldProps) {
  const [text, setText] = useState(id)
  const [error, setError] = useState<string | undefined>()
  useEffect(() => {
    setText(id)
    setError(undefined)
  }, [id])
  const applyText = (value: string) => {
    const next = value.trim()
    if (next === id) return setError(undefined)
    setError(onRename(next))
  }
  const apply = () => applyText(text)
  return (
    <div className={`form-field${error ? ' has-error' : ''}`}>
      <label htmlFor="routine-id">Id</label>
      <input
        id="routine-id"
        className="input code"
        value={text}
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value)
          // The browser's own undo (Ctrl+Z in the next field after a rename applied on Tab) puts the
          // old id back here: apply it, so the field never shows an id the routine does not have.
          const inputType = (e.nativeEvent as InputEvent).inputType ?? ''
          if (inputType.startsWith('history') && text === id) applyText(e.target.value)
        }}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply()
          if (e.key === 'Escape') {
            setText(id)
            setError(undefined)
          }
        }}
      />
      {error ? (
        <div className="field-error">{error}</div>
      ) : (
        <p className="help">Unique in the flow; connections follow a rename.</p>
      )}
    </div>
  )
}
