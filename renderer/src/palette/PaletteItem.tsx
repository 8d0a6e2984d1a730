/** One routine type in the palette; draggable onto the canvas. */
import { type CSSProperties, memo } from 'react'
import type { RoutineTypeDescriptor } from '../../../engine/routines/descriptor'
import { typeStyle } from '../canvas/category-style'
import { PALETTE_MIME } from '../canvas/pointer'

function PaletteItemView({
  descriptor,
  onAdd,
}: {
  descriptor: RoutineTypeDescriptor
  onAdd: (type: string) => void
}) {
  const style = typeStyle(descriptor)
  return (
    <button
      type="button"
      className="palette-item"
      draggable
      title={`${descriptor.description}\n(${descriptor.type})`}
      data-type={descriptor.type}
      style={{ '--accent': style.color } as CSSProperties}
      onDragStart={(e) => {
        e.dataTransfer.setData(PALETTE_MIME, descriptor.type)
        e.dataTransfer.effectAllowed = 'copy'
      }}
      onDoubleClick={() => onAdd(descriptor.type)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onAdd(descriptor.type)
      }}
    >
      <span className="palette-icon" aria-hidden>
        {style.icon}
      </span>
      <span className="palette-text">
        <span className="palette-title">{descriptor.title}</span>
        <span className="palette-type">{descriptor.type}</span>
      </span>
    </button>
  )
}

export const PaletteItem = memo(PaletteItemView)
