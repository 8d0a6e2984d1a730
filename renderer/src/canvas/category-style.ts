/** Label and accent colour per palette category, used when a type does not set its own colour. */
import type { RoutineTypeDescriptor } from '../../../engine/routines/descriptor'
import { type RoutineIcon, routineIcon } from '../icons/routine-icon'

interface CategoryStyle {
  readonly label: string
  readonly color: string
}

const STYLES: Record<string, CategoryStyle> = {
  control_flow: { label: 'Control flow', color: '#7c5cff' },
  data_processing: { label: 'Data processing', color: '#1f9d8f' },
  text_processing: { label: 'Text processing', color: '#d9822b' },
  utils: { label: 'Utilities', color: '#5b7083' },
  flow: { label: 'Flow', color: '#2f80ed' },
  script: { label: 'Script', color: '#c2417a' },
}

const UNKNOWN: CategoryStyle = { label: 'Unknown', color: '#d64545' }
const OTHER: CategoryStyle = { label: 'Other', color: '#6b7a90' }

/** Display label for a category id (`text_processing` → `Text processing`). */
export function categoryLabel(category: string): string {
  return STYLES[category]?.label ?? humanize(category)
}

/** How a routine type is drawn: its accent colour and icon. */
export interface TypeStyle {
  readonly color: string
  readonly icon: RoutineIcon
}

const UNKNOWN_STYLE: TypeStyle = { color: UNKNOWN.color, icon: routineIcon(undefined, '', true) }
const styles = new WeakMap<RoutineTypeDescriptor, TypeStyle>()

/** Colour and icon for a type, falling back to its category's, or the unknown-type style. */
export function typeStyle(descriptor: RoutineTypeDescriptor | undefined): TypeStyle {
  if (!descriptor || descriptor.placeholder) return UNKNOWN_STYLE
  let style = styles.get(descriptor)
  if (!style) {
    const base = STYLES[descriptor.category] ?? OTHER
    style = { color: descriptor.color ?? base.color, icon: routineIcon(descriptor.icon, descriptor.category) }
    styles.set(descriptor, style)
  }
  return style
}

/** Order in which categories appear in the palette; unknown categories follow alphabetically. */
export function categoryRank(category: string): number {
  const index = Object.keys(STYLES).indexOf(category)
  return index >= 0 ? index : Object.keys(STYLES).length
}

function humanize(id: string): string {
  const words = id.replace(/[_.-]+/g, ' ').trim()
  return words.length > 0 ? words[0]?.toUpperCase() + words.slice(1) : 'Other'
}
