/**
 * The one node component: a routine drawn from its type descriptor. Slots are target handles on the
 * left, events source handles on the right. Memoised; reads only its own overlay from the store.
 */
import { Handle, type NodeProps, Position } from '@xyflow/react'
import { type CSSProperties, memo, useMemo } from 'react'
import { TypeIcon } from '../icons/TypeIcon'
import { useStudio } from '../store/useStudio'
import type { RoutineNodeType } from './flow-mapper'
import { useDetail } from './LowDetailContext'
import { eventHandleId, portOffsetY, slotHandleId } from './node-geometry'
import { PortLabel } from './PortLabel'
import { RoutineOverlay } from './RoutineOverlay'
import { selectConnecting, selectRoutineLive } from './selectors'

const STRATEGY_LABEL = { stop: 'STOP', continue: 'CONT', retry: 'RETRY', skip: 'SKIP' } as const

function RoutineNodeView({ id, data, selected }: NodeProps<RoutineNodeType>) {
  const detail = useDetail()
  const lowDetail = detail !== 'full'
  const connecting = useStudio(selectConnecting)
  const live = useStudio(useMemo(() => selectRoutineLive(id), [id]))
  const { routine } = data
  const title = routine.title ?? data.typeTitle
  const className = [
    'routine-node',
    selected && 'selected',
    data.problem && `problem-${data.problem}`,
    data.unknownType && 'unknown-type',
    lowDetail && 'low-detail',
    live && `status-${live.status}`,
  ]
    .filter(Boolean)
    .join(' ')
  const style = { '--accent': data.color } as CSSProperties

  return (
    <div className={className} style={style} data-routine-id={id} data-testid={`routine-${id}`}>
      <header className="routine-header">
        <span className="routine-icon" aria-hidden>
          <TypeIcon icon={data.icon} />
        </span>
        <span className="routine-title" title={title}>
          {title}
        </span>
        {!lowDetail && data.errorStrategy && (
          <span
            className={`strategy-badge strategy-${data.errorStrategy}`}
            title={`Error strategy: ${data.errorStrategy}`}
          >
            {STRATEGY_LABEL[data.errorStrategy]}
          </span>
        )}
        {data.problem && (
          <span
            className={`problem-marker ${data.problem}`}
            title={data.problem === 'error' ? 'Has errors' : 'Has warnings'}
          >
            !
          </span>
        )}
      </header>
      {!lowDetail && (
        <div className="routine-sub" title={routine.type}>
          <span className="routine-id">{id}</span>
          <span className="routine-type">{routine.type}</span>
        </div>
      )}
      {detail !== 'minimal' &&
        data.slots.map((slot, i) => {
          const refused = connecting?.event !== undefined && connecting.taken?.has(`${id}\u0000${slot.name}`)
          return (
            <div key={`s:${slot.name}`} className="port-row slot" style={{ top: portOffsetY(i) }}>
              <Handle
                type="target"
                position={Position.Left}
                id={slotHandleId(slot.name)}
                className={`handle-slot${slot.missing ? ' missing' : ''}${refused ? ' refused' : ''}`}
              />
              {!lowDetail && (
                <PortLabel
                  side="left"
                  name={slot.name}
                  missing={slot.missing}
                  badge={slot.merge === 'append' ? '⊕' : slot.merge === 'custom' ? 'ƒ' : undefined}
                  tip={`slot ${slot.name} · merge: ${slot.merge}${slot.overridden ? ' (set on this routine)' : ''}${
                    slot.params.length > 0 ? ` · reads ${slot.params.join(', ')}` : ''
                  }${slot.missing ? ' · not a slot of this type' : ''}`}
                />
              )}
            </div>
          )
        })}
      {detail !== 'minimal' &&
        data.events.map((event, i) => (
          <div key={`e:${event.name}`} className="port-row event" style={{ top: portOffsetY(i) }}>
            {!lowDetail && (
              <PortLabel
                side="right"
                name={event.name}
                missing={event.missing}
                tip={`event ${event.name}(${event.params.join(', ')})${event.missing ? ' · not an event of this type' : ''}`}
              />
            )}
            <Handle
              type="source"
              position={Position.Right}
              id={eventHandleId(event.name)}
              className={`handle-event${event.missing ? ' missing' : ''}`}
            />
          </div>
        ))}
      {live && <RoutineOverlay live={live} slots={data.slots} compact={lowDetail} />}
    </div>
  )
}

export const RoutineNode = memo(RoutineNodeView)
