/** The status bar: routines and connections, problems (opens the panel), autosave, host connection. */
import { useShallow } from 'zustand/react/shallow'
import { useStudioStore } from '../store/StoreProvider'
import type { StudioState } from '../store/state'
import { useStudio } from '../store/useStudio'

const selectStatus = (s: StudioState) => ({
  routines: s.doc.routines.length,
  connections: s.doc.connections.length,
  errors: s.problems.filter((p) => p.severity === 'error').length,
  warnings: s.problems.filter((p) => p.severity === 'warning').length,
  draftSavedAt: s.draftSavedAt,
  saving: s.saving,
  bridge: s.bridgeStatus,
  transport: s.appInfo?.transport,
})

export function StatusBar() {
  const store = useStudioStore()
  const st = useStudio(useShallow(selectStatus))
  return (
    <footer className="status-bar">
      <span>
        {st.routines} routine{st.routines === 1 ? '' : 's'} · {st.connections} connection
        {st.connections === 1 ? '' : 's'}
      </span>
      <button
        type="button"
        className="status-problems"
        onClick={() => store.getState().togglePanel('problems')}
        data-testid="problems-toggle"
      >
        <span title="Errors">
          <span className="severity-dot error" /> {st.errors}
        </span>
        <span title="Warnings">
          <span className="severity-dot warning" /> {st.warnings}
        </span>
      </button>
      <span className="spacer" />
      {st.saving && <span>Saving…</span>}
      {st.draftSavedAt !== null && !st.saving && (
        <span
          className="muted draft-time"
          title="Unsaved work is kept as a draft and offered back after a crash"
        >
          Draft kept {new Date(st.draftSavedAt).toLocaleTimeString()}
        </span>
      )}
      <span
        className={`connection-status ${st.bridge}`}
        title={st.transport ? `Host via ${st.transport}` : 'Host'}
      >
        ● {st.bridge}
      </span>
    </footer>
  )
}
