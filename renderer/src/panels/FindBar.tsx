/** Find (Ctrl+F): routines by id, title, type or config text; Enter jumps to the next match. */
import { useEffect, useMemo, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { findRoutines } from '../document/find'
import { Icon } from '../icons/Icon'
import { useStudioStore } from '../store/StoreProvider'
import type { StudioState } from '../store/state'
import { useStudio } from '../store/useStudio'

const selectFind = (s: StudioState) => ({ find: s.find, doc: s.doc })

export function FindBar() {
  const store = useStudioStore()
  const { find, doc } = useStudio(useShallow(selectFind))
  const input = useRef<HTMLInputElement>(null)
  const matches = useMemo(
    () => (find.open ? findRoutines(doc, find.query) : []),
    [find.open, find.query, doc],
  )

  useEffect(() => {
    if (find.open) input.current?.select()
  }, [find.open])

  if (!find.open) return null
  const s = () => store.getState()
  const jump = (index: number) => {
    const match = matches[(index + matches.length) % matches.length]
    if (!match) return
    s().setFind({ index: (index + matches.length) % matches.length })
    s().select({ routines: [match.routineId] })
    s().requestFocus({ routineId: match.routineId })
  }
  const current = matches.length > 0 ? Math.min(find.index, matches.length - 1) : -1
  /** The first Enter jumps to the current match; the following ones move on. */
  const next = () => {
    const here = matches[current]
    jump(here && s().selection.routines.has(here.routineId) ? current + 1 : Math.max(current, 0))
  }

  return (
    <section className="find-bar" aria-label="Find" data-testid="find-bar">
      <input
        ref={input}
        className="search-input"
        placeholder="Find by id, type or config…"
        aria-label="Find routines"
        value={find.query}
        onChange={(e) => s().setFind({ query: e.target.value, index: 0 })}
        onKeyDown={(e) => {
          e.stopPropagation()
          if (e.key === 'Enter') e.shiftKey ? jump(current - 1) : next()
          if (e.key === 'Escape') s().setFind({ open: false })
        }}
      />
      <span className="find-count muted small">
        {find.query ? (matches.length === 0 ? 'No match' : `${current + 1}/${matches.length}`) : ''}
      </span>
      <button
        type="button"
        className="icon-button"
        aria-label="Previous match"
        onClick={() => jump(current - 1)}
        disabled={matches.length === 0}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Next match"
        onClick={() => jump(current + 1)}
        disabled={matches.length === 0}
      >
        ↓
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Close find"
        onClick={() => s().setFind({ open: false })}
      >
        <Icon name="close" />
      </button>
      {find.query && matches.length > 0 && (
        <ul className="find-results">
          {matches.slice(0, 50).map((m, i) => (
            <li key={m.routineId}>
              <button type="button" className={i === current ? 'active' : undefined} onClick={() => jump(i)}>
                <span className="code">{m.routineId}</span>
                <span className="muted small">
                  {m.field}: {m.excerpt}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
