/** The event log's filter bar: routine, event kind, status, text; follow; fetch from the host's ring. */
import { useMemo } from 'react'
import type { SampledEvent } from '../../../electron/ipc/contract'
import type { ExecutionEventType } from '../../../engine/events'
import { useStudio } from '../store/useStudio'
import { EVENT_TYPE_LABELS, type EventFilter, type EventStatus, eventRoutine } from './event-log-model'
import { selectRoutineIds } from './run-selectors'

const STATUSES: readonly { value: EventStatus; label: string }[] = [
  { value: 'ok', label: 'Completed' },
  { value: 'error', label: 'Errors' },
  { value: 'retry', label: 'Retries' },
  { value: 'info', label: 'Other' },
]

interface EventFiltersProps {
  filter: EventFilter
  onChange: (filter: EventFilter) => void
  log: readonly SampledEvent[]
  shown: number
  dropped: number
  follow: boolean
  onFollow: (follow: boolean) => void
  onLoadRecent: () => void
}

export function EventFilters({
  filter,
  onChange,
  log,
  shown,
  dropped,
  follow,
  onFollow,
  onLoadRecent,
}: EventFiltersProps) {
  const routines = useStudio(selectRoutineIds)
  const routineIds = useMemo(() => {
    const ids = new Set(routines.map((r) => r.id))
    for (const e of log) {
      const id = eventRoutine(e.event)
      if (id !== null) ids.add(id)
    }
    return [...ids]
  }, [routines, log])
  const set = (patch: Partial<EventFilter>) => onChange({ ...filter, ...patch })

  return (
    <div className="run-toolbar-row event-filters">
      <select
        className="input"
        aria-label="Routine"
        value={filter.routine ?? ''}
        onChange={(e) => set({ routine: e.target.value || null })}
        data-testid="event-filter-routine"
      >
        <option value="">All routines</option>
        {routineIds.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
      <select
        className="input"
        aria-label="Event"
        value={filter.type ?? ''}
        onChange={(e) => set({ type: (e.target.value || null) as ExecutionEventType | null })}
        data-testid="event-filter-type"
      >
        <option value="">All events</option>
        {Object.entries(EVENT_TYPE_LABELS).map(([type, label]) => (
          <option key={type} value={type}>
            {label}
          </option>
        ))}
      </select>
      <select
        className="input"
        aria-label="Status"
        value={filter.status ?? ''}
        onChange={(e) => set({ status: (e.target.value || null) as EventStatus | null })}
        data-testid="event-filter-status"
      >
        <option value="">Any status</option>
        {STATUSES.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
      <input
        className="input event-search"
        type="search"
        placeholder="Search events…"
        value={filter.text}
        onChange={(e) => set({ text: e.target.value })}
        aria-label="Search events"
      />
      <label className="run-check">
        <input type="checkbox" checked={follow} onChange={(e) => onFollow(e.target.checked)} /> Follow
      </label>
      <span className="spacer" />
      <span className="muted small" data-testid="event-count">
        {shown.toLocaleString('en-US')} of {log.length.toLocaleString('en-US')}
        {dropped > 0 && ` · ${dropped.toLocaleString('en-US')} not sampled`}
      </span>
      <button
        type="button"
        className="button small"
        onClick={onLoadRecent}
        title="Fetch the host's most recent 5,000 events of this job"
      >
        Load recent
      </button>
    </div>
  )
}
