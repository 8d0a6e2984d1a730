/**
 * The focused job's data: errors (routine, message, stack), shared data and output log, read from
 * the host with `job.get` — once, again whenever the status changes, and every second while running.
 */
import { useEffect, useState } from 'react'
import type { JobDetail } from '../../../electron/ipc/contract'
import { errorMessage } from '../store/files-slice'
import { useStudioStore } from '../store/StoreProvider'
import { useStudio } from '../store/useStudio'
import { formatClock } from './format'
import { PayloadInspector } from './PayloadInspector'
import { previewText } from './payload-view'
import { selectFocusStatus } from './run-selectors'

const REFRESH_MS = 1000

export function JobDetailsView({ jobId }: { jobId: string }) {
  const store = useStudioStore()
  const status = useStudio(selectFocusStatus)
  const [detail, setDetail] = useState<JobDetail | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let cancelled = false
    void status
    const load = () =>
      store
        .getState()
        .loadJobDetail(jobId)
        .then((next) => {
          if (cancelled) return
          setDetail(next)
          setError(null)
        })
        .catch((e) => !cancelled && setError(errorMessage(e)))
    void load()
    const timer = status === 'running' ? setInterval(load, REFRESH_MS) : undefined
    return () => {
      cancelled = true
      clearInterval(timer)
    }
  }, [store, jobId, status])

  if (error) return <p className="field-error run-empty">{error}</p>
  if (!detail) return <p className="muted run-empty">Loading…</p>
  return (
    <div className="run-details run-scroll" data-testid="job-details">
      <section className="run-section" data-testid="job-errors">
        <h4>
          Errors <span className="muted">({detail.errors.length})</span>
        </h4>
        {detail.errors.length === 0 && <p className="muted small">No errors.</p>}
        {withKeys(detail.errors.slice().reverse(), (e) => `${e.time}:${e.routineId}:${e.attempt}`).map(
          ([key, entry]) => (
            <div key={key} className="run-error" data-testid="job-error">
              <div>
                <span className="code">{entry.routineId ?? 'job'}</span>
                {entry.attempt !== null && <span className="muted"> · attempt {entry.attempt}</span>}
                <span className="muted"> · {formatClock(entry.time)}</span>
              </div>
              <div className="text-danger">
                {entry.error.code}: {entry.error.message}
              </div>
              {entry.error.stack && (
                <details className="run-stack">
                  <summary>Stack</summary>
                  <pre>{entry.error.stack}</pre>
                </details>
              )}
            </div>
          ),
        )}
      </section>
      <section className="run-section">
        <h4>Shared data</h4>
        {Object.keys(detail.shared).length === 0 ? (
          <p className="muted small">Empty.</p>
        ) : (
          <PayloadInspector value={detail.shared} label="shared" />
        )}
      </section>
      <section className="run-section" data-testid="job-output">
        <h4>
          Output log <span className="muted">({detail.output.length})</span>
        </h4>
        {detail.output.length === 0 && <p className="muted small">Nothing logged.</p>}
        <ol className="run-output">
          {withKeys(detail.output, (l) => `${l.timestamp}:${l.routineId}`).map(([key, line]) => (
            <li key={key} className={`output-${line.level}`}>
              <span className="muted">{formatClock(line.timestamp)}</span>{' '}
              <span className="code">{line.routineId}</span>{' '}
              <span className={`output-level`}>{line.level}</span> {line.message}
              {line.data !== undefined && <span className="muted code"> {previewText(line.data, 120)}</span>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  )
}

/** Pairs items with keys made from their content, numbered when two items share one. */
function withKeys<T>(items: readonly T[], base: (item: T) => string): [string, T][] {
  const seen = new Map<string, number>()
  return items.map((item) => {
    const key = base(item)
    const n = seen.get(key) ?? 0
    seen.set(key, n + 1)
    return [n === 0 ? key : `${key}#${n}`, item]
  })
}
