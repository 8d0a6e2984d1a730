/**
 * Snapshots: save the focused job (paused or finished) to the app-data folder, and restore a saved
 * one as a paused job — also after the app was closed and reopened — then resume it.
 */
import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useStudioStore } from '../store/StoreProvider'
import type { StudioState } from '../store/state'
import { useStudio } from '../store/useStudio'
import { type RunColumn, RunTable } from './RunTable'
import { selectSnapshots } from './run-selectors'

const COLUMNS: readonly RunColumn[] = [
  { label: 'Saved' },
  { label: 'Flow' },
  { label: 'Job' },
  { label: 'Status' },
  { label: 'Pending', numeric: true },
  { label: '' },
]

const selectSnapshotControls = (s: StudioState) => ({
  jobId: s.overlayJobId,
  status: s.focusInfo?.status ?? null,
  busy: s.runBusy,
})

export function SnapshotsView() {
  const store = useStudioStore()
  const snapshots = useStudio(selectSnapshots)
  const { jobId, status, busy } = useStudio(useShallow(selectSnapshotControls))
  const s = () => store.getState()
  useEffect(() => {
    void store.getState().refreshSnapshots()
  }, [store])
  const canSave = jobId !== null && status !== null && status !== 'running' && busy === null

  return (
    <div className="run-snapshots">
      <div className="run-toolbar-row">
        <button
          type="button"
          className="button"
          disabled={!canSave}
          onClick={() => void s().saveSnapshot()}
          title={status === 'running' ? 'Pause the job first' : 'Save the job with its pending deliveries'}
          data-testid="snapshot-save"
        >
          Save snapshot of this job
        </button>
        {status === 'running' && <span className="muted small">Pause the job (F6) to save a snapshot.</span>}
        <span className="spacer" />
        <button type="button" className="button small" onClick={() => void s().refreshSnapshots()}>
          Refresh
        </button>
      </div>
      <RunTable
        columns={COLUMNS}
        rows={snapshots.length}
        empty="No snapshots saved yet."
        testId="snapshot-list"
      >
        {snapshots.map((snap) => (
          <tr key={snap.path} data-testid="snapshot-row">
            <td>{new Date(snap.savedAt).toLocaleString()}</td>
            <td>{snap.documentName}</td>
            <td className="code">{snap.jobId.slice(0, 8)}</td>
            <td>
              <span className={`job-status job-${snap.status}`}>{snap.status}</span>
            </td>
            <td className="num">{snap.pendingDeliveries}</td>
            <td>
              <button
                type="button"
                className="button small"
                disabled={busy !== null}
                onClick={() => void s().restoreSnapshot(snap.path)}
                data-testid="snapshot-restore"
              >
                Restore
              </button>
            </td>
          </tr>
        ))}
      </RunTable>
    </div>
  )
}
