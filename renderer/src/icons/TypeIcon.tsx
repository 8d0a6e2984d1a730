/** A routine type's icon: an SVG of the set, or its ASCII letters. */
import { memo } from 'react'
import { Icon } from './Icon'
import type { RoutineIcon } from './routine-icon'

function TypeIconView({ icon }: { readonly icon: RoutineIcon }) {
  if ('name' in icon) return <Icon name={icon.name} />
  return <span className="icon-letter">{icon.letter}</span>
}

export const TypeIcon = memo(TypeIconView)
