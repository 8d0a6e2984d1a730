/**
 * DataFlattener's algorithm as a pure function. Unlike Routilux, `preserve_lists: false` keeps a
 * list whole as one value instead of letting its elements overwrite each other.
 */
import { textOf } from '../shared/types'

/** Flattening options. */
export interface FlattenOptions {
  readonly separator: string
  readonly preserveLists: boolean
  readonly maxDepth: number
}

/** Result: the flat object and the deepest level reached. */
export interface Flattened {
  readonly flattened: Record<string, unknown>
  readonly depth: number
}

/** Flattens nested objects and lists into one level with joined keys (`a.b.0`). */
export function flatten(value: unknown, options: FlattenOptions): Flattened {
  const flattened: Record<string, unknown> = {}
  let deepest = 0
  const visit = (current: unknown, prefix: string, depth: number, ancestors: object[]): void => {
    deepest = Math.max(deepest, depth)
    const key = prefix === '' ? 'value' : prefix
    if (depth >= options.maxDepth) {
      flattened[key] = textOf(current)
      return
    }
    if (
      typeof current !== 'object' ||
      current === null ||
      (Array.isArray(current) && !options.preserveLists)
    ) {
      flattened[key] = current
      return
    }
    if (ancestors.includes(current)) {
      flattened[key] = '[Circular Reference]'
      return
    }
    const path = [...ancestors, current]
    const entries = Array.isArray(current)
      ? current.map((v, i) => [String(i), v] as const)
      : Object.entries(current)
    for (const [name, child] of entries) {
      visit(child, prefix === '' ? name : `${prefix}${options.separator}${name}`, depth + 1, path)
    }
  }
  visit(value, '', 0, [])
  return { flattened, depth: deepest }
}
