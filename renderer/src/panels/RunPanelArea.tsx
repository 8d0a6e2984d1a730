/**
 * The area below the canvas where the run panel (jobs, timeline, event log) lives. It shows the job
 * whose overlays the canvas draws; live execution fills it in.
 */
import { useShallow } from 'zustand/react/shallow'
import { useStudioStore } from '../store/StoreProvider'
import type { StudioState } from '../store/state'
import { useStudio } from '../store/useStudio'

const selectRun = (s: StudioState) => ({ open: s.panels.runPanel, jobId: s.overlayJobId })

export function RunPanelArea() {
  const store = useStudioStore()
  const { open, jobId } = useStudio(useShallow(selectRun))
  if (!open) return null
  return (
    <section className="run-panel" aria-label="Run" data-testid="run-panel">
      <header className="panel-header">
        <span className="panel-title">Run</span>
        <button
          type="button"
          className="icon-button"
          aria-label="Close run panel"
          onClick={() => store.getState().togglePanel('runPanel', false)}
        >
          ✕
        </button>
      </header>
      <p className="muted small">{jobId ? `Showing job ${jobId}` : 'No job yet.'}</p>
    </section>
  )
}
