/**
 * A connection drawn as a bezier from an event to a slot. Memoised; reads only its own live counts
 * from the store (delivered count label, animated while traffic flows, highlighted on error).
 */
import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react'
import { memo, useMemo } from 'react'
import { EdgeCountLabel } from '../run/EdgeCountLabel'
import { flowDashOffset } from '../run/edge-flow'
import { useStudio } from '../store/useStudio'
import type { ConnectionEdgeType } from './flow-mapper'
import { useDetail } from './LowDetailContext'
import { selectConnectionLive } from './selectors'

function ConnectionEdgeView(props: EdgeProps<ConnectionEdgeType>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, data } = props
  const live = useStudio(useMemo(() => selectConnectionLive(id), [id]))
  const lowDetail = useDetail() !== 'full'
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  })
  const active = live?.flowing === true
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
      <BaseEdge
        id={id}
        path={path}
        className={className}
        interactionWidth={lowDetail ? 0 : 16}
        style={active ? { strokeDashoffset: flowDashOffset(live) } : undefined}
      />
      {live && (
        <EdgeLabelRenderer>
          <EdgeCountLabel id={id} live={live} x={labelX} y={labelY} />
        </EdgeLabelRenderer>
      )}
    </>
  )
}

export const ConnectionEdge = memo(ConnectionEdgeView)
