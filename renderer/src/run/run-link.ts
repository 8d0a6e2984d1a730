/**
 * Wires the run slice to the host: the `execution.batch` and `jobs.changed` streams, the job list
 * and snapshots at connect, a timer that ends edge animations once traffic stops, and re-deriving
 * the overlays when another document is opened.
 */
import type { StudioBridge } from '../../../electron/ipc/contract'
import type { StudioStore } from '../store/state'

/** How often quiet connections are checked (batches stop arriving when a job idles). */
export const SWEEP_MS = 250

/** Connects the run slice of `store` to `bridge`; returns the undo function. */
export function connectRun(store: StudioStore, bridge: StudioBridge): () => void {
  const s = () => store.getState()
  const cleanups: (() => void)[] = []
  cleanups.push(bridge.subscribe('execution.batch', (batch) => s().applyBatch(batch)))
  cleanups.push(bridge.subscribe('jobs.changed', ({ jobs }) => s().setJobs(jobs)))
  cleanups.push(
    bridge.onStatus((status) => {
      if (status !== 'connected') return
      void s().refreshJobs()
      void s().refreshSnapshots()
      void s().refreshMetricsEndpoint()
    }),
  )
  cleanups.push(
    store.subscribe(
      (state) => state.doc.id,
      () => s().syncOverlays(),
    ),
  )
  const timer = setInterval(() => s().sweepOverlays(), SWEEP_MS)
  cleanups.push(() => clearInterval(timer))
  return () => {
    for (const cleanup of cleanups) cleanup()
  }
}
