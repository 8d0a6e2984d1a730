/**
 * Live-execution overlay of one routine: a status badge above the node (with "attempt n/m" while
 * retrying), run and error counts with last and average duration below it, and the queue depth of
 * each slot beside its handle. Drawn by `RoutineNode` when the run slice holds data for the routine.
 */
import '../run/overlay.css'
import { memo } from 'react'
import type { RoutineLive } from '../../../electron/ipc/contract'
import { Icon } from '../icons/Icon'
import type { IconName } from '../icons/icon-paths'
import { formatCount, formatDuration, statusLabel } from '../run/format'
import { portOffsetY } from './node-geometry'

const STATUS_ICON: Readonly<Record<RoutineLive['status'], IconName>> = {
  idle: 'circle',
  queued: 'clock',
  running: 'dot',
  retrying: 'retry',
  completed: 'check',
  failed: 'close',
  skipped: 'skip',
  error_continued: 'alert',
}

interface RoutineOverlayProps {
  live: RoutineLive
  /** The node's slots in drawing order (queue badges sit beside their handles). */
  slots: readonly { readonly name: string }[]
  /** Zoomed out: only a large status badge with the run count. */
  compact: boolean
}

/** What the status badge says in data attributes, for tests and tools reading the canvas. */
function badgeData(live: RoutineLive) {
  return {
    'data-testid': 'run-status',
    'data-status': live.status,
    'data-attempt': live.attempt,
    'data-max-attempts': live.maxAttempts ?? '',
    'data-runs': live.runs,
    'data-errors': live.errors,
  }
}

function RoutineOverlayView({ live, slots, compact }: RoutineOverlayProps) {
  const label = statusLabel(live.status, live.attempt, live.maxAttempts)
  if (compact) {
    return (
      <div className={`run-badge run-compact run-${live.status}`} {...badgeData(live)}>
        <Icon name={STATUS_ICON[live.status]} /> {formatCount(live.runs)}
        {live.errors > 0 && <span className="run-stat-error"> · {formatCount(live.errors)}✗</span>}
      </div>
    )
  }
  return (
    <>
      <div
        className={`run-badge run-${live.status}`}
        {...badgeData(live)}
        title={live.lastError ? `${live.lastError.code}: ${live.lastError.message}` : label}
      >
        <Icon name={STATUS_ICON[live.status]} /> {label}
        {live.running > 1 && <span className="run-badge-extra"> ×{live.running}</span>}
      </div>
      {(live.status !== 'idle' || live.runs > 0) && (
        <div
          className="run-stats"
          data-testid="run-stats"
          data-runs={live.runs}
          data-errors={live.errors}
          data-retries={live.retries}
          data-skips={live.skips}
        >
          <span title="Handler runs (every attempt counts)">
            {formatCount(live.runs)} run{live.runs === 1 ? '' : 's'}
          </span>
          {live.errors > 0 && <span className="run-stat-error">{formatCount(live.errors)} err</span>}
          {live.retries > 0 && <span title="Retries scheduled">{formatCount(live.retries)} retry</span>}
          {live.skips > 0 && <span>{formatCount(live.skips)} skipped</span>}
          <span className="run-stat-time" title="Last and average handler duration">
            {formatDuration(live.lastDurationMs)} · avg {formatDuration(live.avgDurationMs)}
          </span>
        </div>
      )}
      {slots.map((slot, i) => {
        const depth = live.queueBySlot[slot.name] ?? 0
        if (depth === 0) return null
        return (
          <span
            key={slot.name}
            className="run-queue"
            style={{ top: portOffsetY(i) }}
            title={`${depth} deliveries waiting for slot ${slot.name}`}
            data-testid={`run-queue-${slot.name}`}
          >
            {formatCount(depth)}
          </span>
        )
      })}
      {live.lastError && live.status !== 'completed' && (
        <div className="run-error-line" title={live.lastError.stack ?? live.lastError.message}>
          {live.lastError.code}: {live.lastError.message}
        </div>
      )}
    </>
  )
}

export const RoutineOverlay = memo(RoutineOverlayView)
