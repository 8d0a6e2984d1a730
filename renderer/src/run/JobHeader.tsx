/** The focused job in the run panel header: id, status, totals and how far behind the overlays are. */
import { useStudio } from '../store/useStudio'
import { formatCount } from './format'
import { selectFocusInfo } from './run-selectors'

export function JobHeader() {
  const info = useStudio(selectFocusInfo)
  if (!info) return <div className="run-job-header muted">No job</div>
  const t = info.totals
  return (
    <div className="run-job-header" data-testid="run-job-header" data-status={info.status}>
      <span className={`job-status job-${info.status}`}>{info.status}</span>
      <span title={`Job ${info.jobId}: deliveries, completed handler runs, errors, retries`}>
        {formatCount(t.deliveries)} deliveries ·{' '}
        <span className={t.errors > 0 ? 'text-danger' : ''}>{formatCount(t.errors)} errors</span>
        {t.retries > 0 && ` · ${formatCount(t.retries)} retries`}
      </span>
      {t.inFlight > 0 && (
        <span title="Queued, running or waiting for a retry">{formatCount(t.inFlight)} in flight</span>
      )}
      {info.status === 'running' && (
        <span className="muted" title="Time from the host cutting the last batch to the canvas applying it">
          lag {Math.round(info.lagMs)} ms
        </span>
      )}
      {info.error && (
        <span className="text-danger run-job-error" title={info.error.stack ?? info.error.message}>
          {info.error.routineId ? `${info.error.routineId}: ` : ''}
          {info.error.code}: {info.error.message}
        </span>
      )}
    </div>
  )
}
