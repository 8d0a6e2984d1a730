/**
 * Which icon stands for a routine type. A descriptor's `icon` is a short name (`filter`) or a glyph
 * (`⏚`); glyphs are not drawn as text, since many are missing from common fonts. Known names and
 * glyphs map to the SVG set, plain ASCII letters are drawn as a letter, anything else falls back to
 * the category's icon.
 */
import type { IconName } from './icon-paths'

/** An icon of the set, or a letter or two drawn as text (ASCII only, present in every font). */
export type RoutineIcon = { readonly name: IconName } | { readonly letter: string }

const BY_GLYPH: Readonly<Record<string, IconName>> = {
  '▶': 'play',
  '⑃': 'split',
  '⑄': 'aggregate',
  '⑂': 'branch',
  '↦': 'map',
  '✎': 'pencil',
  '▤': 'stack',
  '≋': 'waves',
  '⋈': 'join',
  '⏚': 'filter',
  '⧩': 'filter',
  '⧗': 'hourglass',
  '⏱': 'clock',
  '◷': 'clock',
  '⇉': 'flow',
  '{}': 'braces',
  T: 'text',
  '¶': 'text',
  '⚙': 'gear',
  ƒ: 'function',
  '✓': 'check',
  '⛁': 'database',
  '⤓': 'sink',
  '⤒': 'source',
  '✂': 'scissors',
  '☰': 'list',
  '?': 'unknown',
  '◆': 'diamond',
}

const BY_NAME: Readonly<Record<string, IconName>> = {
  play: 'play',
  trigger: 'play',
  split: 'split',
  splitter: 'split',
  aggregate: 'aggregate',
  aggregator: 'aggregate',
  router: 'branch',
  branch: 'branch',
  map: 'map',
  mapper: 'map',
  transform: 'map',
  log: 'pencil',
  logger: 'pencil',
  batch: 'stack',
  batcher: 'stack',
  debounce: 'waves',
  debouncer: 'waves',
  merge: 'join',
  join: 'join',
  filter: 'filter',
  delay: 'hourglass',
  clock: 'clock',
  timer: 'clock',
  time: 'clock',
  flow: 'flow',
  data: 'braces',
  json: 'braces',
  text: 'text',
  settings: 'gear',
  gear: 'gear',
  utility: 'gear',
  code: 'code',
  script: 'function',
  function: 'function',
  check: 'check',
  validate: 'check',
  database: 'database',
  sink: 'sink',
  source: 'source',
  scissors: 'scissors',
  cut: 'scissors',
  list: 'list',
}

const BY_CATEGORY: Readonly<Record<string, IconName>> = {
  control_flow: 'branch',
  flow: 'flow',
  data_processing: 'braces',
  text_processing: 'text',
  utils: 'gear',
  script: 'function',
}

const ASCII_LETTERS = /^[A-Za-z0-9]{1,2}$/

/** The icon for a descriptor's `icon` value in `category`; `unknown` for placeholder types. */
export function routineIcon(icon: string | undefined, category: string, placeholder = false): RoutineIcon {
  if (placeholder) return { name: 'unknown' }
  const fallback: RoutineIcon = { name: BY_CATEGORY[category] ?? 'diamond' }
  if (icon === undefined) return fallback
  const trimmed = icon.trim()
  const glyph = BY_GLYPH[trimmed]
  if (glyph) return { name: glyph }
  const named = BY_NAME[trimmed.toLowerCase()]
  if (named) return { name: named }
  if (ASCII_LETTERS.test(trimmed)) return { letter: trimmed }
  return fallback
}
