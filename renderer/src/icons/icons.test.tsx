import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Icon } from './Icon'
import { ICON_PATHS, type IconName, isIconName } from './icon-paths'
import { routineIcon } from './routine-icon'
import { TypeIcon } from './TypeIcon'

/** The glyphs the built-in routine types and categories set as their `icon`. */
const BUILTIN_GLYPHS = ['▶', '⑃', '↦', '✎', '▤', '⑄', '≋', '⋈', '⏚', '⧗', '⏱', '⑂', '⇉', '{}', 'T', '⚙', 'ƒ']

describe('routine icons', () => {
  it('draws every built-in glyph with an SVG icon of its own, never as text', () => {
    const names = BUILTIN_GLYPHS.map((glyph) => routineIcon(glyph, 'flow'))
    for (const [i, icon] of names.entries()) {
      expect(icon, BUILTIN_GLYPHS[i]).toHaveProperty('name')
      expect(icon, BUILTIN_GLYPHS[i]).not.toEqual({ name: 'diamond' })
    }
    const distinct = new Set(names.map((icon) => ('name' in icon ? icon.name : icon.letter)))
    expect(distinct.size).toBe(BUILTIN_GLYPHS.length)
  })

  it('maps icon names case-insensitively and keeps plain letters as letters', () => {
    expect(routineIcon('Filter', 'utils')).toEqual({ name: 'filter' })
    expect(routineIcon('router', 'utils')).toEqual({ name: 'branch' })
    expect(routineIcon('AB', 'utils')).toEqual({ letter: 'AB' })
  })

  it('falls back to the category icon for glyphs fonts may lack, and marks placeholders unknown', () => {
    expect(routineIcon('☃', 'utils')).toEqual({ name: 'gear' })
    expect(routineIcon('a long unknown name', 'text_processing')).toEqual({ name: 'text' })
    expect(routineIcon('☃', 'plugins.custom')).toEqual({ name: 'diamond' })
    expect(routineIcon(undefined, 'script')).toEqual({ name: 'function' })
    expect(routineIcon('▶', 'flow', true)).toEqual({ name: 'unknown' })
  })
})

describe('Icon', () => {
  it('renders each icon as SVG paths with no text to depend on a font', () => {
    for (const name of Object.keys(ICON_PATHS) as IconName[]) {
      const html = renderToStaticMarkup(<Icon name={name} />)
      expect(html).toMatch(/^<svg [^>]*viewBox="0 0 16 16"/)
      expect(html.match(/<path /g)?.length).toBe(ICON_PATHS[name].length)
      expect(html.replace(/<[^>]*>/g, '')).toBe('')
    }
    expect(isIconName('play')).toBe(true)
    expect(isIconName('toString')).toBe(false)
  })

  it('draws a type icon from the set or as its letters', () => {
    expect(renderToStaticMarkup(<TypeIcon icon={{ name: 'clock' }} />)).toContain('data-icon="clock"')
    expect(renderToStaticMarkup(<TypeIcon icon={{ letter: 'Q' }} />)).toBe(
      '<span class="icon-letter">Q</span>',
    )
  })
})
