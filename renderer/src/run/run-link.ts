/**
 * Wires the run slice to the host: the `execution.batch` and `jobs.changed` streams, the job list
 * and snapshots at connect, a timer that ends edge animations once traffic stops, and re-deriving
 * the overlays when another document is opened.
 */
import type { ExecutionBatch, StudioBridge } from '../../../electron/ipc/contract'
import type { StudioStore } from '../store/state'
import type { ReceivedBatch } from '../store/state-run'

/** How often quiet connections are checked (batches stop arriving when a job idles). */
export const SWEEP_MS = 250
/** Longest a batch waits for a frame (frames stop in background windows). */
export const MAX_BATCH_WAIT_MS = 50

/** Connects the run slice of `store` to `bridge`; returns the undo function. */
export function connectRun(store: StudioStore, bridge: StudioBridge): () => void {
  const s = () => store.getState()
  const cleanups: (() => void)[] = []
  cleanups.push(
    bridge.subscribe(
      'execution.batch',
      batchesPerFrame((batches) => s().applyBatches(batches)),
    ),
  )
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

/**
 * Collects batches as they arrive and hands them over once per animation frame (or after
 * `MAX_BATCH_WAIT_MS` when no frame comes): one store update and one render per frame, however many
 * batches a busy or slow page received in between.
 */
export function batchesPerFrame(
  apply: (batches: readonly ReceivedBatch[]) => void,
): (batch: ExecutionBatch) => void {
  let pending: ReceivedBatch[] = []
  const frame: (callback: () => void) => void =
    typeof globalThis.requestAnimationFrame === 'function'
      ? (callback) => globalThis.requestAnimationFrame(callback)
      : (callback) => setTimeout(callback, 16)
  const flush = () => {
    if (pending.length === 0) return
    const batches = pending
    pending = []
    apply(batches)
  }
  return (batch) => {
    pending.push({ batch, receivedAt: Date.now() })
    if (pending.length > 1) return
    frame(flush)
    setTimeout(flush, MAX_BATCH_WAIT_MS)
  }
}
