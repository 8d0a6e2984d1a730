/**
 * Palette categories: the id prefix of their types and the default icon and accent colour.
 */

/** Known categories, their type-id prefix, icon glyph and accent colour. */
export const CATEGORIES = {
  control_flow: { prefix: 'control', title: 'Control flow', icon: '⑂', color: '#f59e0b' },
  flow: { prefix: 'flow', title: 'Flow', icon: '⇉', color: '#8b5cf6' },
  data_processing: { prefix: 'data', title: 'Data', icon: '{}', color: '#10b981' },
  text_processing: { prefix: 'text', title: 'Text', icon: 'T', color: '#3b82f6' },
  utils: { prefix: 'util', title: 'Utilities', icon: '⚙', color: '#64748b' },
  script: { prefix: 'script', title: 'Script', icon: 'ƒ', color: '#ec4899' },
} as const

/** Style for any category; unknown ones (plugins may add their own) get a neutral look. */
export function categoryStyle(category: string): { icon: string; color: string } {
  const known = (CATEGORIES as Record<string, { icon: string; color: string } | undefined>)[category]
  return known ?? { icon: '◆', color: '#94a3b8' }
}
