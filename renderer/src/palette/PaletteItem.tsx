/** One routine type in the palette; draggable onto the canvas. */
import { type CSSProperties, memo, type PointerEvent } from 'react'
import type { RoutineTypeDescriptor } from '../../../engine/routines/descriptor'
import { typeStyle } from '../canvas/category-style'
import { TypeIcon } from '../icons/TypeIcon'

interface PaletteItemProps {
  readonly descriptor: RoutineTypeDescriptor
  readonly onAdd: (type: string) => void
  readonly onPointerDown: (event: PointerEvent, type: string, title: string) => void
}

function PaletteItemView({ descriptor, onAdd, onPointerDown }: PaletteItemProps) {
  const style = typeStyle(descriptor)
  return (
    <button
      type="button"
      className="palette-item"
      title={`${descriptor.description}\n(${descriptor.type})`}
      data-type={descriptor.type}
      style={{ '--accent': style.color } as CSSProperties}
      onPointerDown={(e) => onPointerDown(e, descriptor.type, descriptor.title)}
      onDoubleClick={() => onAdd(descriptor.type)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onAdd(descriptor.type)
      }}
    >
      <span className="palette-icon" aria-hidden>
        <TypeIcon icon={style.icon} />
      </span>
      <span className="palette-text">
        <span className="palette-title">{descriptor.title}</span>
        <span className="palette-type">{descriptor.type}</span>
      </span>
    </button>
  )
}

export const PaletteItem = memo(PaletteItemView)
