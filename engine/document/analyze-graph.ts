/**
 * Graph algorithms over a flow's routines and connections, on plain id lists so they run anywhere:
 * dependencies, reachability, strongly connected components (cycles) and execution levels.
 * Iterative throughout, so a huge or deeply chained flow cannot overflow the stack.
 */

/** A directed edge from the routine that emits to the routine that receives. */
export interface RoutineEdge {
  readonly from: string
  readonly to: string
}

/** For each routine (in the given order), the routines it receives from, without duplicates, in edge order. */
export function dependencyLists(
  ids: readonly string[],
  edges: readonly RoutineEdge[],
): Map<string, string[]> {
  const deps = new Map<string, string[]>(ids.map((id) => [id, []]))
  for (const { from, to } of edges) {
    if (from === to || !deps.has(from)) continue
    const list = deps.get(to)
    if (list && !list.includes(from)) list.push(from)
  }
  return deps
}

/** Successor lists (self-loops kept), for every id. */
export function successorLists(ids: readonly string[], edges: readonly RoutineEdge[]): Map<string, string[]> {
  const next = new Map<string, string[]>(ids.map((id) => [id, []]))
  for (const { from, to } of edges) {
    const list = next.get(from)
    if (list && next.has(to) && !list.includes(to)) list.push(to)
  }
  return next
}

/** Every id reachable from `starts` (the starts included). */
export function reachableFrom(
  starts: readonly string[],
  next: ReadonlyMap<string, readonly string[]>,
): Set<string> {
  const seen = new Set<string>()
  const stack = starts.filter((s) => next.has(s))
  for (const s of stack) seen.add(s)
  while (stack.length > 0) {
    const id = stack.pop() as string
    for (const n of next.get(id) ?? []) {
      if (!seen.has(n)) {
        seen.add(n)
        stack.push(n)
      }
    }
  }
  return seen
}

/**
 * Cycles: strongly connected components with more than one routine, or one routine connected to
 * itself. Each cycle lists its routines in the given id order; cycles are ordered by their first routine.
 */
export function findCycles(ids: readonly string[], next: ReadonlyMap<string, readonly string[]>): string[][] {
  const order = new Map(ids.map((id, i) => [id, i]))
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const components: string[][] = []
  let counter = 0
  for (const root of ids) {
    if (index.has(root)) continue
    const work: { id: string; child: number }[] = [{ id: root, child: 0 }]
    index.set(root, counter)
    low.set(root, counter++)
    stack.push(root)
    onStack.add(root)
    while (work.length > 0) {
      const frame = work[work.length - 1] as { id: string; child: number }
      const children = next.get(frame.id) ?? []
      if (frame.child < children.length) {
        const child = children[frame.child++] as string
        if (!index.has(child)) {
          index.set(child, counter)
          low.set(child, counter++)
          stack.push(child)
          onStack.add(child)
          work.push({ id: child, child: 0 })
        } else if (onStack.has(child)) {
          low.set(frame.id, Math.min(low.get(frame.id) as number, index.get(child) as number))
        }
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) as number, low.get(frame.id) as number))
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = []
        let member: string | undefined
        do {
          member = stack.pop() as string
          onStack.delete(member)
          component.push(member)
        } while (member !== frame.id)
        const selfLoop = component.length === 1 && (next.get(frame.id) ?? []).includes(frame.id)
        if (component.length > 1 || selfLoop) {
          components.push(component.sort((a, b) => (order.get(a) as number) - (order.get(b) as number)))
        }
      }
    }
  }
  return components.sort(
    (a, b) => (order.get(a[0] as string) as number) - (order.get(b[0] as string) as number),
  )
}

/**
 * Execution levels: level 0 holds the entry points; each further level holds the routines whose
 * dependencies all sit in earlier levels (decided from a snapshot, one level per pass). When a cycle
 * blocks progress, every remaining routine goes into one last level. Levels keep the given id order.
 */
export function executionLevels(
  ids: readonly string[],
  entryPoints: readonly string[],
  deps: ReadonlyMap<string, readonly string[]>,
): string[][] {
  const order = new Map(ids.map((id, i) => [id, i]))
  const waiting = new Map<string, number>()
  const dependents = new Map<string, string[]>(ids.map((id) => [id, []]))
  for (const id of ids) {
    const list = (deps.get(id) ?? []).filter((d) => order.has(d))
    waiting.set(id, list.length)
    for (const d of list) dependents.get(d)?.push(id)
  }
  const placed = new Set<string>()
  const levels: string[][] = []
  const entries = new Set(entryPoints)
  let level = ids.filter((id) => entries.has(id))
  let ready = new Set(ids.filter((id) => !entries.has(id) && waiting.get(id) === 0))
  if (level.length === 0) {
    level = ids.filter((id) => ready.has(id))
    ready = new Set()
  }
  while (placed.size < ids.length) {
    if (level.length === 0) {
      levels.push(ids.filter((id) => !placed.has(id)))
      break
    }
    levels.push(level)
    for (const id of level) placed.add(id)
    for (const id of level) {
      for (const dependent of dependents.get(id) ?? []) {
        const left = (waiting.get(dependent) as number) - 1
        waiting.set(dependent, left)
        if (left === 0 && !placed.has(dependent)) ready.add(dependent)
      }
    }
    level = [...ready]
      .filter((id) => !placed.has(id))
      .sort((a, b) => (order.get(a) as number) - (order.get(b) as number))
    ready = new Set()
  }
  return levels
}
