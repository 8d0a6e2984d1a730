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
  const apply = () => {
    const next = text.trim()
    if (next === id) return setError(undefined)
    setError(onRename(next))
  }
  return (
    <div className={`form-field${error ? ' has-error' : ''}`}>
      <label htmlFor="routine-id">Id</label>
      <input
        id="routine-id"
        className="input code"
        value={text}
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
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
