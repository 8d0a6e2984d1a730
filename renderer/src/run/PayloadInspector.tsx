/**
 * A collapsible tree of a payload. Values the host truncated show what they were (type and size)
 * with their preview; long strings and big lists show a bounded part until expanded, so a huge
 * payload never turns into a huge DOM.
 */
import { memo, useState } from 'react'
import { ITEM_LIMIT, previewText, viewOf } from './payload-view'

export function PayloadInspector({ value, label }: { value: unknown; label?: string }) {
  return (
    <div className="payload-inspector code" data-testid="payload-inspector">
      <ValueNode name={label ?? null} value={value} depth={0} />
    </div>
  )
}

interface ValueNodeProps {
  name: string | null
  value: unknown
  depth: number
}

const ValueNode = memo(function ValueNode({ name, value, depth }: ValueNodeProps) {
  const [open, setOpen] = useState(depth < 2)
  const [fullString, setFullString] = useState(false)
  const [itemLimit, setItemLimit] = useState(ITEM_LIMIT)
  const view = viewOf(value, fullString, itemLimit)
  const key = name !== null && <span className="payload-key">{name}: </span>

  if (view.kind === 'truncated') {
    return (
      <div className="payload-row" data-testid="payload-truncated">
        {key}
        <span className="payload-truncated" title="The host shortened this value before sending it">
          ‹{view.label}, truncated›
        </span>
        <pre className="payload-preview">{view.preview}</pre>
      </div>
    )
  }
  if (view.kind === 'string') {
    return (
      <div className="payload-row">
        {key}
        <span className="payload-string">{JSON.stringify(view.shown)}</span>
        {view.hiddenChars > 0 && (
          <button type="button" className="link-button" onClick={() => setFullString(true)}>
            … {view.hiddenChars.toLocaleString('en-US')} more characters
          </button>
        )}
      </div>
    )
  }
  if (view.kind === 'scalar') {
    return (
      <div className="payload-row">
        {key}
        <span className="payload-scalar">{view.text}</span>
      </div>
    )
  }
  const [openMark, closeMark] = view.kind === 'array' ? ['[', ']'] : ['{', '}']
  return (
    <div className="payload-row">
      <button type="button" className="payload-toggle" onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? '▾' : '▸'}
      </button>
      {key}
      {open ? (
        <>
          <span className="muted">
            {openMark} {view.size} {view.kind === 'array' ? 'items' : 'keys'}
          </span>
          <div className="payload-children">
            {view.entries.map(([childKey, child]) => (
              <ValueNode key={childKey} name={childKey} value={child} depth={depth + 1} />
            ))}
            {view.hidden > 0 && (
              <button
                type="button"
                className="link-button"
                onClick={() => setItemLimit(itemLimit + ITEM_LIMIT)}
              >
                … {view.hidden.toLocaleString('en-US')} more (show {Math.min(ITEM_LIMIT, view.hidden)} more)
              </button>
            )}
          </div>
          <span className="muted">{closeMark}</span>
        </>
      ) : (
        <span className="muted">{previewText(value, 60)}</span>
      )}
    </div>
  )
})
