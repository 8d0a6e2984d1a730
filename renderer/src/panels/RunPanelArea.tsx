/**
 * The area below the canvas where the run panel (jobs, timeline, event log, details, metrics,
 * snapshots) lives. It shows the job whose overlays the canvas draws.
 */
import { RunPanel } from '../run/RunPanel'
import { useStudioStore } from '../store/StoreProvider'
import type { StudioState } from '../store/state'
import { useStudio } from '../store/useStudio'

const selectOpen = (s: StudioState) => s.panels.runPanel

export function RunPanelArea() {
  const store = useStudioStore()
  const open = useStudio(selectOpen)
  if (!open) return null
  return <RunPanel onClose={() => store.getState().togglePanel('runPanel', false)} />
}
