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

const EVENT_TYPES = Object.entries(EVENT_TYPE_LABELS).map(([value, label]) => ({
  value: value as ExecutionEventType,
  label,
}))

interface FilterSelectProps<T extends string> {
  label: string
  /** The first choice, which filters nothing. */
  all: string
  value: T | null
  options: readonly { value: T; label: string }[]
  onChange: (value: T | null) => void
  testId: string
}

/** One filter of the bar: "all" or one of `options`. */
function FilterSelect<T extends string>({
  label,
  all,
  value,
  options,
  onChange,
  testId,
}: FilterSelectProps<T>) {
  return (
    <select
      className="input"
      aria-label={label}
      value={value ?? ''}
      onChange={(e) => onChange(options.find((o) => o.value === e.target.value)?.value ?? null)}
      data-testid={testId}
    >
      <option value="">{all}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  )
}

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
      <FilterSelect
        label="Routine"
        all="All routines"
        value={filter.routine}
        options={routineIds.map((id) => ({ value: id, label: id }))}
        onChange={(routine) => set({ routine })}
        testId="event-filter-routine"
      />
      <FilterSelect
        label="Event"
        all="All events"
        value={filter.type}
        options={EVENT_TYPES}
        onChange={(type) => set({ type })}
        testId="event-filter-type"
      />
      <FilterSelect
        label="Status"
        all="Any status"
        value={filter.status}
        options={STATUSES}
        onChange={(status) => set({ status })}
        testId="event-filter-status"
      />
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
