/** The right-hand panel: what is selected, or the flow's settings. */
import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useStudioStore } from '../store/StoreProvider'
import type { StudioState } from '../store/state'
import { useStudio } from '../store/useStudio'
import { FlowSettings } from './FlowSettings'
import { RoutineInspector } from './RoutineInspector'
import { ConnectionInspector, MultiInspector, NoteInspector } from './SelectionInspector'

const selectInspected = (s: StudioState) => {
  const { routines, connections, notes } = s.selection
  const count = routines.size + connections.size + notes.size
  const routineId = routines.size === 1 && count === 1 ? [...routines][0] : undefined
  const connectionId = connections.size === 1 && count === 1 ? [...connections][0] : undefined
  const noteId = notes.size === 1 && count === 1 ? [...notes][0] : undefined
  return {
    tab: s.inspectorTab,
    selection: s.selection,
    count,
    routine: routineId === undefined ? undefined : s.doc.routines.find((r) => r.id === routineId),
    connection: connectionId === undefined ? undefined : s.doc.connections.find((c) => c.id === connectionId),
    note: noteId === undefined ? undefined : s.doc.notes.find((n) => n.id === noteId),
  }
}

export function Inspector() {
  const store = useStudioStore()
  const { tab, selection, count, routine, connection, note } = useStudio(useShallow(selectInspected))
  const setTab = (t: StudioState['inspectorTab']) => store.getState().setInspectorTab(t)
  useEffect(() => {
    if (selection.routines.size + selection.connections.size + selection.notes.size > 0) {
      store.getState().setInspectorTab('selection')
    }
  }, [selection, store])
  const showFlow = tab === 'flow' || count === 0

  return (
    <aside className="inspector panel" aria-label="Inspector">
      <div className="tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={!showFlow}
          className="tab"
          onClick={() => setTab('selection')}
          disabled={count === 0}
        >
          Selection
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={showFlow}
          className="tab"
          onClick={() => setTab('flow')}
        >
          Flow settings
        </button>
      </div>
      <div className="inspector-scroll">
        {showFlow ? (
          <FlowSettings />
        ) : routine ? (
          <RoutineInspector routine={routine} />
        ) : connection ? (
          <ConnectionInspector connection={connection} />
        ) : note ? (
          <NoteInspector note={note} />
        ) : (
          <MultiInspector
            counts={{
              routines: selection.routines.size,
              connections: selection.connections.size,
              notes: selection.notes.size,
            }}
          />
        )}
      </div>
    </aside>
  )
}
