/**
 * A connection drawn as a bezier from an event to a slot. Memoised; reads only its own live counts
 * from the store (delivered count label, animated while traffic flows, highlighted on error).
 */
import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath, useInternalNode } from '@xyflow/react'
import { memo, useMemo } from 'react'
import { EdgeCountLabel } from '../run/EdgeCountLabel'
import { flowDashOffset } from '../run/edge-flow'
import { useStudio } from '../store/useStudio'
import type { ConnectionEdgeType } from './flow-mapper'
import { useDetail } from './LowDetailContext'
import { selectConnectionLive } from './selectors'
import { selfLoopPath } from './self-loop'

function ConnectionEdgeView(props: EdgeProps<ConnectionEdgeType>) {
  return props.source === props.target ? <SelfLoopEdge {...props} /> : <BezierEdge {...props} />
}

function BezierEdge(props: EdgeProps<ConnectionEdgeType>) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  })
  return <EdgeBody {...props} path={path} labelX={labelX} labelY={labelY} />
}

/** A routine feeding itself: the loop runs under the node, where it can be seen and clicked. */
function SelfLoopEdge(props: EdgeProps<ConnectionEdgeType>) {
  const node = useInternalNode(props.source)
  const top = node?.internals.positionAbsolute.y ?? props.sourceY
  const bottom = top + (node?.measured.height ?? 0)
  const [path, labelX, labelY] = selfLoopPath(
    props.sourceX,
    props.sourceY,
    props.targetX,
    props.targetY,
    bottom,
  )
  return <EdgeBody {...props} path={path} labelX={labelX} labelY={labelY} />
}

interface EdgeBodyProps extends EdgeProps<ConnectionEdgeType> {
  readonly path: string
  readonly labelX: number
  readonly labelY: number
}

function EdgeBody({ id, selected, data, path, labelX, labelY }: EdgeBodyProps) {
  const live = useStudio(useMemo(() => selectConnectionLive(id), [id]))
  const lowDetail = useDetail() !== 'full'
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
