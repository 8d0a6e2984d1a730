/**
 * Resolving the connections of a Python payload. Python writes only the event and slot names, so a
 * connection is resolved when that is unambiguous: it names its routines explicitly, or exactly one
 * routine has the event and exactly one has the slot, or the connections sharing those two names
 * admit exactly one set of distinct links (as many connections as source × target pairs). Everything
 * else is reported with its candidates, never guessed.
 */

import { problem } from './problems'
import type { Problem } from './types'

/** Ports of one Python routine, by Python name. */
export interface PythonRoutinePorts {
  readonly id: string
  readonly slots: readonly string[]
  readonly events: readonly string[]
}

/** One Python connection as read from the payload. */
export interface PythonConnection {
  /** Index in the payload's `connections` list. */
  readonly index: number
  readonly event: string
  readonly slot: string
  /** Explicit routine ids, when the payload has them (`_source_routine_id`, `_target_routine_id`). */
  readonly sourceId?: string
  readonly targetId?: string
}

/** A connection with both routines known (Python port names). */
export interface ResolvedConnection {
  readonly index: number
  readonly source: { readonly routine: string; readonly event: string }
  readonly target: { readonly routine: string; readonly slot: string }
}

/** Codes of connection findings. */
export const PythonConnectionCode = {
  AMBIGUOUS: 'PY_CONNECTION_AMBIGUOUS',
  UNRESOLVED: 'PY_CONNECTION_UNRESOLVED',
  DUPLICATE: 'PY_CONNECTION_DUPLICATE',
} as const

/** Resolves what can be resolved without guessing; reports the rest. */
export function resolveConnections(
  routines: readonly PythonRoutinePorts[],
  connections: readonly PythonConnection[],
): { resolved: ResolvedConnection[]; problems: Problem[] } {
  const resolved: ResolvedConnection[] = []
  const problems: Problem[] = []
  const byId = new Map(routines.map((r) => [r.id, r]))
  const groups = new Map<string, PythonConnection[]>()

  for (const c of connections) {
    if (c.sourceId !== undefined || c.targetId !== undefined) {
      const source = c.sourceId === undefined ? undefined : byId.get(c.sourceId)
      const target = c.targetId === undefined ? undefined : byId.get(c.targetId)
      if (source?.events.includes(c.event) && target?.slots.includes(c.slot)) {
        resolved.push(link(c, source.id, target.id))
        continue
      }
      problems.push(
        problem(
          'warning',
          PythonConnectionCode.UNRESOLVED,
          `connection ${connectionName(c)} names routines ${JSON.stringify(c.sourceId ?? null)} → ${JSON.stringify(c.targetId ?? null)}, which do not have that event and slot; it is not imported`,
          ['connections', c.index],
        ),
      )
      continue
    }
    const key = JSON.stringify([c.event, c.slot])
    const group = groups.get(key)
    if (group) group.push(c)
    else groups.set(key, [c])
  }

  for (const group of groups.values()) {
    const { event, slot } = group[0] as PythonConnection
    const sources = routines.filter((r) => r.events.includes(event)).map((r) => r.id)
    const targets = routines.filter((r) => r.slots.includes(slot)).map((r) => r.id)
    if (sources.length === 0 || targets.length === 0) {
      const missing =
        sources.length === 0
          ? `no routine has an event ${JSON.stringify(event)}`
          : `no routine has a slot ${JSON.stringify(slot)}`
      for (const c of group) {
        problems.push(
          problem(
            'warning',
            PythonConnectionCode.UNRESOLVED,
            `connection ${connectionName(c)}: ${missing}; it is not imported`,
            ['connections', c.index],
          ),
        )
      }
      continue
    }
    const pairs = sources.flatMap((s) => targets.map((t) => [s, t] as const))
    if (pairs.length === 1) {
      const [s, t] = pairs[0] as readonly [string, string]
      resolved.push(link(group[0] as PythonConnection, s, t))
      for (const c of group.slice(1)) {
        problems.push(
          problem(
            'info',
            PythonConnectionCode.DUPLICATE,
            `connection ${connectionName(c)} repeats ${JSON.stringify(s)} → ${JSON.stringify(t)}; Python delivered once, so it is imported once`,
            ['connections', c.index],
          ),
        )
      }
      continue
    }
    if (group.length === pairs.length) {
      group.forEach((c, i) => {
        const [s, t] = pairs[i] as readonly [string, string]
        resolved.push(link(c, s, t))
      })
      continue
    }
    const candidates = `sources ${list(sources)}; targets ${list(targets)}`
    for (const c of group) {
      problems.push(
        problem(
          'warning',
          PythonConnectionCode.AMBIGUOUS,
          `connection ${connectionName(c)} is ambiguous: ${group.length} connection(s) with these names, ${pairs.length} possible links (${candidates}); connect it in the editor`,
          ['connections', c.index],
        ),
      )
    }
  }
  resolved.sort((a, b) => a.index - b.index)
  return { resolved, problems }
}

function link(c: PythonConnection, source: string, target: string): ResolvedConnection {
  return {
    index: c.index,
    source: { routine: source, event: c.event },
    target: { routine: target, slot: c.slot },
  }
}

function connectionName(c: PythonConnection): string {
  return `#${c.index} (${JSON.stringify(c.event)} → ${JSON.stringify(c.slot)})`
}

function list(ids: readonly string[]): string {
  return ids.map((id) => JSON.stringify(id)).join(', ')
}
