/**
 * The quick-add box: opens at the pointer (Tab, double-click on the canvas, or dropping a connection
 * on empty canvas), filters types as you type, adds the chosen one there and wires it to the handle
 * the connection came from.
 */
import { type CSSProperties, useEffect, useMemo, useRef, useState } from 'react'
import { typeStyle } from '../canvas/category-style'
import { portOffsetY } from '../canvas/node-geometry'
import { TypeIcon } from '../icons/TypeIcon'
import { useStudioStore } from '../store/StoreProvider'
import type { StudioState } from '../store/state'
import { useStudio } from '../store/useStudio'
import { connectableTypes, searchTypes } from './type-search'

const selectQuickAdd = (s: StudioState) => s.quickAdd
const selectTypes = (s: StudioState) => s.descriptorList
const MAX_ITEMS = 12

export function QuickAdd() {
  const store = useStudioStore()
  const state = useStudio(selectQuickAdd)
  const types = useStudio(selectTypes)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const matches = useMemo(
    () => searchTypes(connectableTypes(types, state?.from), query).slice(0, MAX_ITEMS),
    [types, state?.from, query],
  )

  useEffect(() => {
    if (state) {
      setQuery('')
      setActive(0)
      input.current?.focus()
    }
  }, [state])

  if (!state) return null
  const close = () => store.getState().closeQuickAdd()
  const choose = (type: string) => {
    const { flow, from } = state
    const y = from ? flow.y - portOffsetY(0) : flow.y - 20
    const x = from?.slot !== undefined ? flow.x - 260 : flow.x
    store.getState().addRoutine(type, { x, y }, from)
    close()
  }
  const style = { left: state.screen.x, top: state.screen.y } as CSSProperties

  return (
    <div className="quick-add" style={style} role="dialog" aria-label="Add a routine">
      <input
        ref={input}
        className="search-input"
        placeholder={state.from ? 'Add and connect…' : 'Add a routine…'}
        aria-label="Routine type"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onBlur={close}
        onKeyDown={(e) => {
          e.stopPropagation()
          if (e.key === 'Escape') close()
          else if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, matches.length - 1))
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0))
          else if (e.key === 'Enter') {
            const chosen = matches[active]
            if (chosen) choose(chosen.type)
          } else return
          e.preventDefault()
        }}
      />
      <div className="quick-add-list" role="listbox" aria-label="Routine types">
        {matches.map((t, i) => (
          <div
            key={t.type}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault()
              choose(t.type)
            }}
            onMouseEnter={() => setActive(i)}
          >
            <span className="palette-icon" style={{ color: typeStyle(t).color }} aria-hidden>
              <TypeIcon icon={typeStyle(t).icon} />
            </span>
            <span className="palette-title">{t.title}</span>
            <span className="palette-type">{t.type}</span>
          </div>
        ))}
        {matches.length === 0 && <div className="muted">No matching routine type</div>}
      </div>
    </div>
  )
}
