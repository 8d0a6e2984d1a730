/**
 * Live-execution overlay of one routine: status, attempt and counts. Drawn inside the node when the
 * run slice holds data for the routine; empty otherwise.
 */
import { memo } from 'react'
import type { RoutineLive } from '../../../electron/ipc/contract'

function RoutineOverlayView({ live }: { live: RoutineLive }) {
  return (
    <div className={`routine-overlay status-${live.status}`} data-status={live.status}>
      <span className="overlay-status">
        {live.status === 'retrying' && live.maxAttempts !== null
          ? `retry ${live.attempt}/${live.maxAttempts}`
          : live.status.replace('_', ' ')}
      </span>
      <span className="overlay-counts" title="runs / errors / queued">
        {live.runs} run{live.runs === 1 ? '' : 's'}
        {live.errors > 0 && ` · ${live.errors} err`}
        {live.queued > 0 && ` · ${live.queued} queued`}
      </span>
    </div>
  )
}

export const RoutineOverlay = memo(RoutineOverlayView)
