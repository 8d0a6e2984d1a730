/**
 * The run panel below the canvas: the focused job's header (status, totals, lag) and tabs for the
 * job list, timeline, event log, details (shared data, output, errors), metrics and snapshots.
 */
import './run-controls.css'
import './run.css'
import { Icon } from '../icons/Icon'
import { useStudioStore } from '../store/StoreProvider'
import type { RunPanelTab } from '../store/state-run'
import { useStudio } from '../store/useStudio'
import { EventLog } from './EventLog'
import { JobDetailsView } from './JobDetailsView'
import { JobHeader } from './JobHeader'
import { JobList } from './JobList'
import { MetricsPanel } from './MetricsPanel'
import { selectFocusId, selectRunPanelTab } from './run-selectors'
import { SnapshotsView } from './SnapshotsView'
import { TimelineView } from './TimelineView'

const TABS: readonly { id: RunPanelTab; label: string }[] = [
  { id: 'jobs', label: 'Jobs' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'events', label: 'Events' },
  { id: 'details', label: 'Data' },
  { id: 'metrics', label: 'Metrics' },
  { id: 'snapshots', label: 'Snapshots' },
]

export function RunPanel({ onClose }: { onClose: () => void }) {
  const store = useStudioStore()
  const tab = useStudio(selectRunPanelTab)
  const jobId = useStudio(selectFocusId)
  return (
    <section className="run-panel run-panel-live" aria-label="Run" data-testid="run-panel">
      <header className="panel-header run-panel-header">
        <div className="run-tabs" role="tablist">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              className={`run-tab${tab === t.id ? ' active' : ''}`}
              onClick={() => store.getState().setRunPanelTab(t.id)}
              data-testid={`run-tab-${t.id}`}
            >
              {t.label}
            </button>
          ))}
        </div>
        <JobHeader />
        {jobId !== null && (
          <button
            type="button"
            className="button small"
            title="Export the flow as a D2 diagram with this job's statuses and counts"
            onClick={() => store.getState().openDialog({ kind: 'd2', overlay: true })}
            data-testid="run-export-d2"
          >
            <Icon name="download" /> D2
          </button>
        )}
        <button type="button" className="icon-button" aria-label="Close run panel" onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      <div className="run-panel-body">
        {tab === 'jobs' && <JobList />}
        {tab === 'snapshots' && <SnapshotsView />}
        {tab !== 'jobs' && tab !== 'snapshots' && jobId === null && (
          <p className="muted run-empty">No job yet: start a run (F5) or pick one in Jobs.</p>
        )}
        {jobId !== null && tab === 'timeline' && <TimelineView jobId={jobId} />}
        {jobId !== null && tab === 'events' && <EventLog />}
        {jobId !== null && tab === 'details' && <JobDetailsView jobId={jobId} />}
        {jobId !== null && tab === 'metrics' && <MetricsPanel jobId={jobId} />}
      </div>
    </section>
  )
}
