/** Accent colour and glyph per palette category, used when a type does not set its own. */
import type { RoutineTypeDescriptor } from '../../../engine/routines/descriptor'

interface CategoryStyle {
  readonly label: string
  readonly color: string
  readonly icon: string
}

const STYLES: Record<string, CategoryStyle> = {
  control_flow: { label: 'Control flow', color: '#7c5cff', icon: '⑂' },
  data_processing: { label: 'Data processing', color: '#1f9d8f', icon: '⚙' },
  text_processing: { label: 'Text processing', color: '#d9822b', icon: '¶' },
  utils: { label: 'Utilities', color: '#5b7083', icon: '✦' },
  flow: { label: 'Flow', color: '#2f80ed', icon: '▶' },
  script: { label: 'Script', color: '#c2417a', icon: 'ƒ' },
}

const UNKNOWN: CategoryStyle = { label: 'Unknown', color: '#d64545', icon: '?' }
const OTHER: CategoryStyle = { label: 'Other', color: '#6b7a90', icon: '◆' }

/** Display label for a category id (`text_processing` → `Text processing`). */
export function categoryLabel(category: string): string {
  return STYLES[category]?.label ?? humanize(category)
}

const styles = new WeakMap<RoutineTypeDescriptor, { color: string; icon: string }>()

/** Colour and glyph for a type, falling back to its category's, or the unknown-type style. */
export function typeStyle(descriptor: RoutineTypeDescriptor | undefined): { color: string; icon: string } {
  if (!descriptor || descriptor.placeholder) return { color: UNKNOWN.color, icon: UNKNOWN.icon }
  let style = styles.get(descriptor)
  if (!style) {
    const base = STYLES[descriptor.category] ?? OTHER
    style = { color: descriptor.color ?? base.color, icon: iconGlyph(descriptor.icon) ?? base.icon }
    styles.set(descriptor, style)
  }
  return style
}

const NAMED_ICONS: Record<string, string> = {
  filter: '⧩',
  router: '⑂',
  branch: '⑂',
  merge: '⋈',
  join: '⋈',
  clock: '◷',
  timer: '◷',
  text: '¶',
  scissors: '✂',
  code: 'ƒ',
  script: 'ƒ',
  log: '☰',
  list: '☰',
  play: '▶',
  trigger: '▶',
  check: '✓',
  validate: '✓',
  database: '⛁',
  sink: '⤓',
  source: '⤒',
  split: '⑃',
  map: '↦',
  transform: '↦',
}

/** A glyph for a descriptor's icon: glyphs pass through, known names map, others use their initial. */
export function iconGlyph(icon: string | undefined): string | undefined {
  if (icon === undefined || icon.length === 0) return undefined
  if ([...icon].length <= 2) return icon
  return NAMED_ICONS[icon.toLowerCase()] ?? icon[0]?.toUpperCase()
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
