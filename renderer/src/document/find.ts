/** Find on canvas: routines matching a query by id, title, type or config text. */
import type { FlowDocument, RoutineSpec } from '../../../engine/document/types'

export type MatchField = 'id' | 'title' | 'type' | 'config'

export interface FindMatch {
  routineId: string
  field: MatchField
  /** The matching text, shortened around the hit for display. */
  excerpt: string
}

/** Routines whose id, title, type or config contains `query` (case-insensitive), in document order. */
export function findRoutines(doc: FlowDocument, query: string): FindMatch[] {
  const needle = query.trim().toLowerCase()
  if (needle.length === 0) return []
  const matches: FindMatch[] = []
  for (const routine of doc.routines) {
    const match = matchRoutine(routine, needle)
    if (match) matches.push(match)
  }
  return matches
}

function matchRoutine(routine: RoutineSpec, needle: string): FindMatch | undefined {
  const fields: [MatchField, string][] = [
    ['id', routine.id],
    ['title', routine.title ?? ''],
    ['type', routine.type],
    ['config', configText(routine.config)],
  ]
  for (const [field, text] of fields) {
    const at = text.toLowerCase().indexOf(needle)
    if (at >= 0) return { routineId: routine.id, field, excerpt: excerpt(text, at, needle.length) }
  }
  return undefined
}

function configText(config: unknown): string {
  try {
    return JSON.stringify(config) ?? ''
  } catch {
    return ''
  }
}

function excerpt(text: string, at: number, length: number): string {
  const start = Math.max(0, at - 20)
  const end = Math.min(text.length, at + length + 20)
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`
}
