/**
 * Undo/redo as a bounded stack of document snapshots. Documents are immutable with structural
 * sharing, so a snapshot costs only the changed branches. Bursts (typing in one field) coalesce
 * into one step through a key; drags record their start state once when the drag ends.
 */
import type { FlowDocument } from '../../../engine/document/types'

export const HISTORY_LIMIT = 500
const COALESCE_WINDOW_MS = 1200

export interface HistoryEntry {
  readonly doc: FlowDocument
  readonly label: string
}

export interface History {
  readonly past: readonly HistoryEntry[]
  readonly future: readonly HistoryEntry[]
  /** Key and time of the last recorded change, for coalescing bursts. */
  readonly lastKey?: string
  readonly lastAt?: number
}

export const emptyHistory: History = { past: [], future: [] }

/**
 * Records that the document changed from `previous`. With `coalesceKey` equal to the last one and
 * within a short window, the change joins the previous step instead of adding one.
 */
export function record(
  history: History,
  previous: FlowDocument,
  label: string,
  options: { coalesceKey?: string; now?: number; limit?: number } = {},
): History {
  const now = options.now ?? Date.now()
  const key = options.coalesceKey
  const joins =
    key !== undefined &&
    history.lastKey === key &&
    history.lastAt !== undefined &&
    now - history.lastAt < COALESCE_WINDOW_MS &&
    history.past.length > 0
  if (joins) return { ...history, future: [], lastAt: now }
  const limit = options.limit ?? HISTORY_LIMIT
  const past = [...history.past, { doc: previous, label }]
  if (past.length > limit) past.splice(0, past.length - limit)
  return { past, future: [], ...(key !== undefined && { lastKey: key, lastAt: now }) }
}

/** Steps back: returns the document to show and the new history, or undefined at the start. */
export function undo(
  history: History,
  current: FlowDocument,
): { history: History; doc: FlowDocument; label: string } | undefined {
  const entry = history.past[history.past.length - 1]
  if (!entry) return undefined
  return {
    doc: entry.doc,
    label: entry.label,
    history: {
      past: history.past.slice(0, -1),
      future: [...history.future, { doc: current, label: entry.label }],
    },
  }
}

/** Steps forward again after an undo. */
export function redo(
  history: History,
  current: FlowDocument,
): { history: History; doc: FlowDocument; label: string } | undefined {
  const entry = history.future[history.future.length - 1]
  if (!entry) return undefined
  return {
    doc: entry.doc,
    label: entry.label,
    history: {
      past: [...history.past, { doc: current, label: entry.label }],
      future: history.future.slice(0, -1),
    },
  }
}
