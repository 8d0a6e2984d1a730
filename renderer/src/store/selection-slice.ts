/** What is selected on the canvas. Kept out of the undo history on purpose. */
import type { SliceCreator } from './state'
import type { Selection, SelectionSlice, SelectMode } from './state-selection'

export const emptySelection: Selection = { routines: new Set(), connections: new Set(), notes: new Set() }

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => ({
  selection: emptySelection,

  select(items, mode = 'replace') {
    const current = get().selection
    const next = {
      routines: combine(current.routines, items.routines, mode),
      connections: combine(current.connections, items.connections, mode),
      notes: combine(current.notes, items.notes, mode),
    }
    if (sameSelection(current, next)) return
    set({ selection: next })
  },
  applySelectionChanges(changes) {
    if (changes.length === 0) return
    const current = get().selection
    const next = {
      routines: new Set(current.routines),
      connections: new Set(current.connections),
      notes: new Set(current.notes),
    }
    for (const change of changes) {
      if (change.selected) next[change.kind].add(change.id)
      else next[change.kind].delete(change.id)
    }
    if (!sameSelection(current, next)) set({ selection: next })
  },
  selectAll() {
    const { doc } = get()
    set({
      selection: {
        routines: new Set(doc.routines.map((r) => r.id)),
        connections: new Set(doc.connections.map((c) => c.id)),
        notes: new Set(doc.notes.map((n) => n.id)),
      },
    })
  },
  clearSelection() {
    const s = get().selection
    if (s.routines.size + s.connections.size + s.notes.size > 0) set({ selection: emptySelection })
  },
  pruneSelection(previous) {
    const { selection, doc } = get()
    if (selection.routines.size + selection.connections.size + selection.notes.size === 0) return
    const routines = new Set(doc.routines.map((r) => r.id))
    const connections = new Set(doc.connections.map((c) => c.id))
    const notes = new Set(doc.notes.map((n) => n.id))
    const routineRenames = previous ? renamedIds(previous.routines, doc.routines) : new Map()
    const connectionRenames = previous ? renamedIds(previous.connections, doc.connections) : new Map()
    const follow = (ids: ReadonlySet<string>, renames: Map<string, string>, exists: Set<string>) =>
      new Set([...ids].map((id) => renames.get(id) ?? id).filter((id) => exists.has(id)))
    const next = {
      routines: follow(selection.routines, routineRenames, routines),
      connections: follow(selection.connections, connectionRenames, connections),
      notes: new Set([...selection.notes].filter((id) => notes.has(id))),
    }
    if (!sameSelection(selection, next)) set({ selection: next })
  },
})

/**
 * Ids that a step renamed: the same place in the list holds a new id. A rename keeps a routine's
 * place, so undoing or redoing one keeps the routine selected under its other id.
 */
function renamedIds(
  before: readonly { id: string }[],
  after: readonly { id: string }[],
): Map<string, string> {
  const renames = new Map<string, string>()
  if (before.length !== after.length) return renames
  const old = new Set(before.map((item) => item.id))
  for (const [i, item] of before.entries()) {
    const now = after[i]?.id
    if (now !== undefined && now !== item.id && !old.has(now)) renames.set(item.id, now)
  }
  return renames
}

function combine(
  current: ReadonlySet<string>,
  ids: Iterable<string> | undefined,
  mode: SelectMode,
): ReadonlySet<string> {
  if (mode === 'replace') return new Set(ids ?? [])
  if (ids === undefined) return current
  const next = new Set(current)
  for (const id of ids) {
    if (mode === 'toggle' && next.has(id)) next.delete(id)
    else next.add(id)
  }
  return next
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false
  for (const x of a) if (!b.has(x)) return false
  return true
}

/** True when both selections hold the same ids. */
export function sameSelection(a: Selection, b: Selection): boolean {
  return sameSet(a.routines, b.routines) && sameSet(a.connections, b.connections) && sameSet(a.notes, b.notes)
}
