/**
 * Dotted paths into payloads (`order.lines.0.sku`), own properties only.
 */

/** The value at a dotted `path` in `value` (numeric segments index lists), or undefined. */
export function readPath(value: unknown, path: string): unknown {
  let current = value
  for (const segment of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined
    if (!Object.hasOwn(current, segment)) return undefined
    current = (current as Record<string, unknown>)[segment]
  }
  return current
}
