/** The routine palette: search, categories, drag onto the canvas or double-click to add. */
import { useReactFlow } from '@xyflow/react'
import { useDeferredValue, useMemo, useState } from 'react'
import { createPortal } from 'react-dom'
import { freePosition } from '../canvas/boxes'
import { categoryLabel } from '../canvas/category-style'
import { NODE_WIDTH } from '../canvas/node-geometry'
import { viewCenter } from '../canvas/view-center'
import { useStudioStore } from '../store/StoreProvider'
import type { StudioState } from '../store/state'
import { useStudio } from '../store/useStudio'
import { PaletteItem } from './PaletteItem'
import { groupByCategory, searchTypes } from './type-search'
import { usePaletteDrag } from './usePaletteDrag'

const selectTypes = (s: StudioState) => s.descriptorList
const selectStatus = (s: StudioState) => s.bridgeStatus

export function Palette() {
  const store = useStudioStore()
  const flow = useReactFlow()
  const types = useStudio(selectTypes)
  const status = useStudio(selectStatus)
  const [query, setQuery] = useState('')
  const deferred = useDeferredValue(query)
  const groups = useMemo(() => groupByCategory(searchTypes(types, deferred)), [types, deferred])
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set())
  const { drag, onPointerDown } = usePaletteDrag()

  const add = (type: string) => {
    const c = viewCenter(flow)
    const { doc, descriptors } = store.getState()
    const at = freePosition(
      doc,
      descriptors,
      { x: c.x - NODE_WIDTH / 2, y: c.y - 40 },
      { width: NODE_WIDTH, height: 100 },
    )
    store.getState().addRoutine(type, at)
  }
  const toggle = (category: string) => {
    const next = new Set(collapsed)
    if (next.has(category)) next.delete(category)
    else next.add(category)
    setCollapsed(next)
  }

  return (
    <aside className="palette panel" aria-label="Routine palette">
      <div className="panel-title">Routines</div>
      <input
        className="search-input"
        type="search"
        placeholder="Search routines…"
        aria-label="Search routines"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          // Enter adds the first match shown; ArrowDown moves into the list (Enter there adds that one).
          if (e.key === 'Enter' && query.trim() !== '') {
            const first = groupByCategory(searchTypes(types, query))[0]?.types[0]
            if (first) add(first.type)
          } else if (e.key === 'ArrowDown') {
            e.preventDefault()
            e.currentTarget.parentElement?.querySelector<HTMLElement>('.palette-item')?.focus()
          }
        }}
      />
      <div className="palette-list">
        {types.length === 0 && (
          <p className="muted small">
            {status === 'connected' ? 'No routine types.' : 'Waiting for the host…'}
          </p>
        )}
        {types.length > 0 && groups.length === 0 && <p className="muted small">Nothing matches “{query}”.</p>}
        {groups.map((group) => {
          const closed = collapsed.has(group.category) && deferred === ''
          return (
            <section key={group.category} className="palette-group">
              <button
                type="button"
                className="palette-category"
                aria-expanded={!closed}
                onClick={() => toggle(group.category)}
              >
                <span className="chevron">{closed ? '▸' : '▾'}</span>
                {categoryLabel(group.category)}
                <span className="count">{group.types.length}</span>
              </button>
              {!closed &&
                group.types.map((t) => (
                  <PaletteItem key={t.type} descriptor={t} onAdd={add} onPointerDown={onPointerDown} />
                ))}
            </section>
          )
        })}
      </div>
      <p className="palette-hint muted small">Drag onto the canvas or double-click to add.</p>
      {drag &&
        createPortal(
          <div
            className={`palette-ghost${drag.overCanvas ? ' over-canvas' : ''}`}
            style={{ left: drag.x, top: drag.y }}
          >
            {drag.title}
          </div>,
          document.body,
        )}
    </aside>
  )
}
