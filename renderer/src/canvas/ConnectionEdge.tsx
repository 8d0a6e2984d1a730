/**
 * A connection drawn as a bezier from an event to a slot. Memoised; reads only its own live counts
 * from the store (delivered count label, animated while traffic flows, highlighted on error).
 */
import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react'
import { memo, useMemo } from 'react'
import { useStudio } from '../store/useStudio'
import type { ConnectionEdgeType } from './flow-mapper'
import { selectConnectionLive } from './selectors'

const RECENT_TRAFFIC_MS = 1000

function ConnectionEdgeView(props: EdgeProps<ConnectionEdgeType>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, data } = props
  const live = useStudio(useMemo(() => selectConnectionLive(id), [id]))
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  })
  const active = live?.lastDeliveredAt != null && Date.now() - live.lastDeliveredAt < RECENT_TRAFFIC_MS
  const className = [
    'connection-edge',
    selected && 'selected',
    data?.problem && `problem-${data.problem}`,
    active && 'active',
    live && live.errors > 0 && 'has-errors',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <>
      <BaseEdge id={id} path={path} className={className} interactionWidth={16} />
      {live && (
        <EdgeLabelRenderer>
          <div
            className={`edge-count${live.errors > 0 ? ' has-errors' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {live.delivered}
            {live.errors > 0 && ` · ${live.errors}✗`}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  )
}

export const ConnectionEdge = memo(ConnectionEdgeView)
