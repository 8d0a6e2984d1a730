/**
 * TextRenderer's algorithm as a pure function: nested data as XML-like tags or Markdown. Unlike
 * Routilux, a nested container starts on its own line and a closing tag on its own line.
 */
import { textOf } from '../shared/types'

/** Rendering options. */
export interface RenderOptions {
  readonly format: 'xml' | 'markdown'
  readonly indent: string
}

/** Renders `value` as text; containers one entry per line, cycles as `[Circular Reference]`. */
export function renderText(value: unknown, options: RenderOptions): string {
  return render(value, 0, options, [])
}

function render(value: unknown, level: number, options: RenderOptions, ancestors: object[]): string {
  if (typeof value !== 'object' || value === null) return textOf(value)
  if (ancestors.includes(value)) return '[Circular Reference]'
  const prefix = options.indent.repeat(level)
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((item, i) => [String(i), item])
    : Object.entries(value as Record<string, unknown>)
  const path = [...ancestors, value]
  return entries
    .map(([key, child]) => {
      const nested = isContainer(child) && !path.includes(child) && size(child) > 0
      const inner = render(child, level + 1, options, path)
      if (options.format === 'xml') {
        const tag = Array.isArray(value) ? `item_${key}` : key
        return nested
          ? `${prefix}<${tag}>\n${inner}\n${prefix}</${tag}>`
          : `${prefix}<${tag}>${inner}</${tag}>`
      }
      const label = Array.isArray(value) ? '-' : `**${key}**:`
      if (nested) return `${prefix}${label}\n${inner}`
      return inner === '' ? `${prefix}${label}` : `${prefix}${label} ${inner}`
    })
    .join('\n')
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null
}

function size(value: object): number {
  return Array.isArray(value) ? value.length : Object.keys(value).length
}
