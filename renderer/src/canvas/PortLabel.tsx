/** A slot or event name next to its handle, with a hover tip (merge strategy, parameters). */
import { memo } from 'react'

interface PortLabelProps {
  side: 'left' | 'right'
  name: string
  tip: string
  missing: boolean
  badge?: string | undefined
}

function PortLabelView({ side, name, tip, missing, badge }: PortLabelProps) {
  return (
    <span className={`port-label ${side}${missing ? ' missing' : ''}`} data-tip={tip}>
      {badge && side === 'left' && <span className="merge-badge">{badge}</span>}
      {name}
    </span>
  )
}

export const PortLabel = memo(PortLabelView)
