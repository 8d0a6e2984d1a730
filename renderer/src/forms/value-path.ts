/** Immutable reads and writes inside plain JSON values by path, and JSON-path strings for issues. */

export type PathKey = string | number

/** `$.routes[0].name` for `['routes', 0, 'name']` (the format config issues use). */
export function pathString(path: readonly PathKey[]): string {
  let out = '$'
  for (const key of path)
    out +=
      typeof key === 'number'
        ? `[${key}]`
        : /^[A-Za-z_$][\w$]*$/.test(key)
          ? `.${key}`
          : `[${JSON.stringify(key)}]`
  return out
}

/** A copy of `root` with `value` at `path`; `undefined` removes an object key. */
export function setIn(root: unknown, path: readonly PathKey[], value: unknown): unknown {
  if (path.length === 0) return value
  const [head, ...rest] = path as [PathKey, ...PathKey[]]
  if (typeof head === 'number') {
    const list = Array.isArray(root) ? [...root] : []
    list[head] = setIn(list[head], rest, value)
    return list
  }
  const object: Record<string, unknown> =
    typeof root === 'object' && root !== null && !Array.isArray(root)
      ? { ...(root as Record<string, unknown>) }
      : {}
  const next = setIn(object[head], rest, value)
  if (next === undefined) delete object[head]
  else object[head] = next
  return object
}

/** The value at `path`, or undefined. */
export function getIn(root: unknown, path: readonly PathKey[]): unknown {
  let current = root
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined
    current = (current as Record<PathKey, unknown>)[key]
  }
  return current
}
