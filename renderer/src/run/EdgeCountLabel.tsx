/** The live label of a connection: deliveries carried and, when any failed, their number. */
import { memo } from 'react'
import { formatCount, formatExact } from './format'
import type { ConnectionOverlay } from './job-track'

interface EdgeCountLabelProps {
  id: string
  live: ConnectionOverlay
  x: number
  y: number
}

function EdgeCountLabelView({ id, live, x, y }: EdgeCountLabelProps) {
  return (
    <div
      className={`edge-count${live.errors > 0 ? ' has-errors' : ''}${live.flowing ? ' flowing' : ''}`}
      style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
      title={`${formatExact(live.delivered)} delivered${live.errors > 0 ? `, ${formatExact(live.errors)} failed in the handler` : ''}`}
      data-testid={`edge-count-${id}`}
      data-delivered={live.delivered}
      data-errors={live.errors}
    >
      {formatCount(live.delivered)}
      {live.errors > 0 && ` · ${formatCount(live.errors)}✗`}
    </div>
  )
}

export const EdgeCountLabel = memo(EdgeCountLabelView)
