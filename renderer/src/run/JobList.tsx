/**
 * Jobs of this session and of earlier ones (the host persists the history): status, flow, entry,
 * start, duration and counts. Clicking a row shows that job on the canvas and in the panel.
 */
import { useEffect, useState } from 'react'
import type { JobSummary } from '../../../electron/ipc/contract'
import { useStudioStore } from '../store/StoreProvider'
import { useStudio } from '../store/useStudio'
import { formatCount, formatDuration } from './format'
import { jobRowDuration, jobRowStatus } from './job-row-status'
import type { JobLiveInfo } from './job-track'
import { type RunColumn, RunTable } from './RunTable'
import {
  selectFocusEndedAt,
  selectFocusId,
  selectFocusInfo,
  selectFocusInfoId,
  selectFocusStatus,
  selectJobs,
} from './run-selectors'
import { useStudioThrottled } from './useStudioThrottled'

const COLUMNS: readonly RunColumn[] = [
  { label: 'Status' },
  { label: 'Flow' },
  { label: 'Entry' },
  { label: 'Started' },
  { label: 'Duration' },
  { label: 'Deliveries', numeric: true },
  { label: 'Runs', numeric: true },
  { label: 'Errors', numeric: true },
]

export function JobList() {
  const store = useStudioStore()
  const jobs = useStudio(selectJobs)
  const focus = useStudio(selectFocusId)
  const focusInfo = useStudioThrottled(selectFocusInfo, 500)
  // Status and end time are not throttled: the row must agree with the status chip at once.
  const focusStatus = useStudio(selectFocusStatus)
  const focusEndedAt = useStudio(selectFocusEndedAt)
  const focusInfoId = useStudio(selectFocusInfoId)
  const anyRunning = jobs.some((j) => j.status === 'running')
  const othersRunning = jobs.some((j) => j.status === 'running' && j.jobId !== focus)
  const [, tick] = useState(0)
  useEffect(() => {
    if (!anyRunning) return
    const timer = setInterval(() => {
      tick((n) => n + 1)
      // Only the focused job's row follows the live stream; the others take the host's summaries.
      const state = store.getState()
      if (othersRunning && state.bridgeStatus === 'connected') void state.refreshJobs()
    }, 1000)
    return () => clearInterval(timer)
  }, [anyRunning, othersRunning, store])
  const s = () => store.getState()

  return (
    <div className="run-jobs">
      <div className="run-toolbar-row">
        <span className="muted small">
          {jobs.length} job{jobs.length === 1 ? '' : 's'}
        </span>
        <span className="spacer" />
        <button type="button" className="button small" onClick={() => void s().refreshJobs()}>
          Refresh
        </button>
        <button
          type="button"
          className="button small"
          onClick={() => void s().clearFinishedJobs()}
          disabled={!jobs.some((j) => j.status !== 'running' && j.status !== 'paused')}
        >
          Clear finished
        </button>
      </div>
      <RunTable
        columns={COLUMNS}
        rows={jobs.length}
        empty="No jobs yet. Start a run with Run or F5."
        testId="job-list"
      >
        {jobs.map((job) => (
          <JobRow
            key={job.jobId}
            job={job}
            live={job.jobId === focusInfo?.jobId ? focusInfo : null}
            liveStatus={job.jobId === focusInfoId ? focusStatus : null}
            liveEndedAt={job.jobId === focusInfoId ? focusEndedAt : null}
            focused={job.jobId === focus}
            onPick={() => void s().focusJob(job.jobId)}
          />
        ))}
      </RunTable>
    </div>
  )
}

interface JobRowProps {
  job: JobSummary
  /** Live facts when this is the focused job (fresher than the summary). */
  live: JobLiveInfo | null
  /** The focused job's live status and end time, unthrottled (null for other rows). */
  liveStatus: JobSummary['status'] | null
  liveEndedAt: number | null
  focused: boolean
  onPick: () => void
}

function JobRow({ job, live, liveStatus, liveEndedAt, focused, onPick }: JobRowProps) {
  const status = jobRowStatus(job.status, liveStatus)
  const deliveries = Math.max(job.counts.deliveries, live?.totals.deliveries ?? 0)
  const errors = Math.max(job.counts.errors, live?.totals.errors ?? 0)
  const runs = Math.max(job.counts.runs, live ? live.totals.completed + live.totals.errors : 0)
  const duration = jobRowDuration(job, liveEndedAt, Date.now())
  return (
    <tr
      className={`${focused ? 'focused' : ''}${job.live ? '' : ' past'}`}
      onClick={onPick}
      data-testid={`job-row-${job.jobId}`}
      data-status={status}
      title={job.error ? `${job.error.code}: ${job.error.message}` : job.jobId}
    >
      <td>
        <span className={`job-status job-${status}`}>{status}</span>
        {job.restoredFrom && (
          <span className="run-tag" title={`Restored from ${job.restoredFrom}`}>
            restored
          </span>
        )}
        {!job.live && job.snapshot === undefined && (
          <span className="run-tag" title="From an earlier session (kept in the app-data folder)">
            history
          </span>
        )}
        {!job.live && job.snapshot !== undefined && (
          <span
            className="run-tag"
            title={`Left paused when the studio closed; Resume restores it from ${job.snapshot}`}
          >
            kept
          </span>
        )}
      </td>
      <td>{job.documentName}</td>
      <td className="code">{job.entry}</td>
      <td>{new Date(job.startedAt).toLocaleTimeString()}</td>
      <td>{formatDuration(duration)}</td>
      <td className="num">{formatCount(deliveries)}</td>
      <td className="num">{formatCount(runs)}</td>
      <td className={`num${errors > 0 ? ' text-danger' : ''}`}>{formatCount(errors)}</td>
    </tr>
  )
}
