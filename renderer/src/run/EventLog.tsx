/**
 * The event log of the focused job: the sampled events from the stream (and the host's recent-event
 * ring on request), virtualised, filterable by routine, event kind, status and text, with the
 * selected event's payload in an inspector.
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { SampledEvent } from '../../../electron/ipc/contract'
import { errorMessage } from '../store/files-slice'
import { useStudioStore } from '../store/StoreProvider'
import { EventFilters } from './EventFilters'
import { EventInspector } from './EventInspector'
import { type EventFilter, eventStatus, eventSummary, filterEvents, NO_FILTER } from './event-log-model'
import { formatClock } from './format'
import { selectDroppedEvents, selectEventLog } from './run-selectors'
import { useStudioThrottled } from './useStudioThrottled'

const ROW_HEIGHT = 22
/** The log follows the stream at most this often (batches come 30 times a second). */
const REFRESH_MS = 300

export function EventLog() {
  const store = useStudioStore()
  const log = useStudioThrottled(selectEventLog, REFRESH_MS)
  const dropped = useStudioThrottled(selectDroppedEvents, REFRESH_MS)
  const [filter, setFilter] = useState<EventFilter>(NO_FILTER)
  const [selected, setSelected] = useState<SampledEvent | null>(null)
  const [follow, setFollow] = useState(true)
  const scroller = useRef<HTMLDivElement>(null)
  const rows = useMemo(() => filterEvents(log, filter), [log, filter])
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  })

  useEffect(() => {
    // Write-only (the browser clamps it): reading the scroll size here would force a layout per update.
    const el = scroller.current
    if (follow && el && rows.length > 0) el.scrollTop = rows.length * ROW_HEIGHT
  }, [follow, rows])

  const onScroll = () => {
    const el = scroller.current
    if (!el) return
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < ROW_HEIGHT * 2
    if (atBottom !== follow) setFollow(atBottom)
  }

  const loadRecent = () =>
    store
      .getState()
      .loadRecentEvents()
      .catch((e) => store.getState().notify(`Could not load events: ${errorMessage(e)}`, 'error'))

  return (
    <div className="run-events">
      <EventFilters
        filter={filter}
        onChange={setFilter}
        log={log}
        shown={rows.length}
        dropped={dropped}
        follow={follow}
        onFollow={setFollow}
        onLoadRecent={loadRecent}
      />
      <div className="run-events-split">
        <div
          className="run-events-list"
          ref={scroller}
          onScroll={onScroll}
          data-testid="event-log"
          data-count={rows.length}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]
              if (!row) return null
              const status = eventStatus(row.event)
              return (
                <button
                  type="button"
                  key={row.seq}
                  className={`event-row status-${status}${selected?.seq === row.seq ? ' selected' : ''}`}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  onClick={() => setSelected(row)}
                  data-testid="event-row"
                  data-type={row.event.type}
                >
                  <span className="event-seq muted">#{row.seq}</span>
                  <span className="event-time muted">{formatClock(row.event.time)}</span>
                  <span className={`event-dot status-${status}`} aria-hidden />
                  <span className="event-summary">{eventSummary(row.event)}</span>
                </button>
              )
            })}
          </div>
          {rows.length === 0 && (
            <p className="muted run-empty">
              {log.length === 0 ? 'No events yet.' : 'No event matches the filter.'}
            </p>
          )}
        </div>
        {selected && <EventInspector sampled={selected} onClose={() => setSelected(null)} />}
      </div>
    </div>
  )
}
