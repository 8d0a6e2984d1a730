/** The focused job's status in the top bar: status, deliveries, elapsed time; opens the run panel. */
import { useEffect, useState } from 'react'
import { useStudioStore } from '../store/StoreProvider'
import { useStudio } from '../store/useStudio'
import { formatCount, formatDuration } from './format'
import { selectFocusInfo } from './run-selectors'

export function RunStatusChip() {
  const store = useStudioStore()
  const info = useStudio(selectFocusInfo)
  const [, tick] = useState(0)
  const running = info?.status === 'running'
  useEffect(() => {
    if (!running) return
    const timer = setInterval(() => tick((n) => n + 1), 1000)
    return () => clearInterval(timer)
  }, [running])
  if (!info) return null
  const elapsed = (info.endedAt ?? Date.now()) - info.startedAt
  return (
    <button
      type="button"
      className={`run-chip job-${info.status}`}
      onClick={() => store.getState().togglePanel('runPanel', true)}
      title={info.error ? `${info.error.code}: ${info.error.message}` : `Job ${info.jobId}`}
      data-testid="run-chip"
      data-status={info.status}
    >
      <span className="run-chip-status">{info.status}</span>
      <span title="Deliveries">{formatCount(info.totals.deliveries)} ⇢</span>
      <span className="muted">{formatDuration(Math.max(0, elapsed))}</span>
    </button>
  )
}
