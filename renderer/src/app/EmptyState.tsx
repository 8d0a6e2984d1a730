/** Shown on an empty canvas: how to draw, and the examples to start from. */
import { useShallow } from 'zustand/react/shallow'
import { useStudioStore } from '../store/StoreProvider'
import type { StudioState } from '../store/state'
import { useStudio } from '../store/useStudio'

const selectEmpty = (s: StudioState) => ({
  empty: s.doc.routines.length === 0 && s.doc.notes.length === 0 && s.unreadableText === null,
  examples: s.examples,
})

export function EmptyState() {
  const store = useStudioStore()
  const { empty, examples } = useStudio(useShallow(selectEmpty))
  if (!empty) return null
  const open = (id: string) =>
    store.getState().guardUnsaved('Open the example', () => void store.getState().openExample(id))
  return (
    <div className="empty-state" data-testid="empty-state">
      <div className="empty-card">
        <h2>Draw a flow</h2>
        <ol className="how-to">
          <li>
            Drag a routine from the palette, double-click one, or press <kbd>Tab</kbd> on the canvas.
          </li>
          <li>Drag from an event (right side) to a slot (left side) to connect them.</li>
          <li>Select a routine to configure it in the inspector.</li>
          <li>
            <kbd>Shift</kbd>+<kbd>L</kbd> tidies the layout; <kbd>?</kbd> lists every shortcut.
          </li>
        </ol>
        {examples.length > 0 && (
          <>
            <h3>Or start from an example</h3>
            <div className="example-list">
              {examples.map((e) => (
                <button key={e.id} type="button" className="example-card" onClick={() => open(e.id)}>
                  <strong>{e.name}</strong>
                  <span className="muted small">{e.description}</span>
                </button>
              ))}
            </div>
          </>
        )}
      </div>
    </div>
  )
}
