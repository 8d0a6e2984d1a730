/** The selected event: its fields, its payload (truncation shown as such) and an error's stack. */
import type { SampledEvent } from '../../../electron/ipc/contract'
import { Icon } from '../icons/Icon'
import { EVENT_TYPE_LABELS, eventPayload, eventRoutine, eventSummary } from './event-log-model'
import { formatClock } from './format'
import { PayloadInspector } from './PayloadInspector'

export function EventInspector({ sampled, onClose }: { sampled: SampledEvent; onClose: () => void }) {
  const { event } = sampled
  const payload = eventPayload(event)
  const stack = 'error' in event ? event.error.stack : undefined
  return (
    <aside className="event-inspector" data-testid="event-inspector">
      <header className="run-toolbar-row">
        <strong>{EVENT_TYPE_LABELS[event.type]}</strong>
        <span className="muted">#{sampled.seq}</span>
        <span className="spacer" />
        <button type="button" className="icon-button" aria-label="Close the inspector" onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      <div className="event-inspector-body">
        <p>{eventSummary(event)}</p>
        <dl className="event-fields">
          <dt>Time</dt>
          <dd>{formatClock(event.time)}</dd>
          {eventRoutine(event) !== null && (
            <>
              <dt>Routine</dt>
              <dd className="code">{eventRoutine(event)}</dd>
            </>
          )}
          {'deliveryId' in event && (
            <>
              <dt>Delivery</dt>
              <dd>
                #{event.deliveryId}, attempt {event.attempt}
              </dd>
            </>
          )}
          {'connectionId' in event && event.connectionId !== undefined && (
            <>
              <dt>Connection</dt>
              <dd className="code">{event.connectionId}</dd>
            </>
          )}
        </dl>
        {payload !== undefined && (
          <PayloadInspector
            value={payload}
            label={
              event.type === 'jobStarted'
                ? 'params'
                : event.type === 'eventEmitted' || event.type === 'outputLogged'
                  ? 'data'
                  : 'error'
            }
          />
        )}
        {stack && (
          <details className="run-stack">
            <summary>Stack</summary>
            <pre>{stack}</pre>
          </details>
        )}
      </div>
    </aside>
  )
}
