/** Every user edit of the document, each one undoable step built from the pure document operations. */
import type { FlowDocument, Point } from '../../../engine/document/types'
import { itemBoxes } from '../canvas/boxes'
import { alignBoxes, type Box, distributeBoxes } from '../document/align'
import { connect, hasConnection, reconnect, removeItems } from '../document/connection-ops'
import { addNote, setExecution, setFlowInfo, updateNote } from '../document/flow-ops'
import {
  extractFragment,
  type Fragment,
  fragmentOrigin,
  insertFragment,
  isEmptyFragment,
  parseFragment,
  serializeFragment,
} from '../document/fragment'
import { baseIdForType, idError, uniqueId } from '../document/ids'
import * as routineOps from '../document/routine-ops'
import { pickPort } from './pick-port'
import type { SliceCreator, StudioState } from './state'
import type { EditingSlice } from './state-editing'

const DUPLICATE_OFFSET = 40

export const createEditingSlice: SliceCreator<EditingSlice> = (_set, get) => {
  const change = (label: string, fn: (doc: FlowDocument) => FlowDocument, coalesceKey?: string) =>
    get().change(label, fn, coalesceKey === undefined ? undefined : { coalesceKey })

  /** Inserts `fragment` at `at` as one step and selects what was inserted; false when nothing was. */
  const insertAndSelect = (label: string, fragment: Fragment, at: Point): boolean => {
    let inserted: ReturnType<typeof insertFragment> | undefined
    change(label, (doc) => {
      inserted = insertFragment(doc, fragment, at)
      return inserted.doc
    })
    if (!inserted) return false
    get().select({
      routines: inserted.routineIds,
      connections: inserted.connectionIds,
      notes: inserted.noteIds,
    })
    return true
  }

  return {
    addRoutine(type, position, connectFrom) {
      const { doc, descriptors } = get()
      const descriptor = descriptors.get(type)
      const taken = new Set(doc.routines.map((r) => r.id))
      const id = uniqueId(baseIdForType(type), (x) => taken.has(x))
      const changed = change('Add routine', (current) => {
        let next = routineOps.addRoutine(
          current,
          {
            id,
            type,
            config: structuredClone(descriptor?.defaults ?? {}),
            ...(descriptor && { typeVersion: descriptor.version }),
          },
          position,
        )
        if (connectFrom && descriptor) {
          const spec = next.routines.find((r) => r.id === id)
          const ports = spec ? pickPort(descriptor, spec.config, connectFrom, id) : undefined
          if (ports) next = connect(next, ports)
        }
        return next
      })
      if (!changed) return undefined
      get().select({ routines: [id] })
      return id
    },
    connectPorts(ends) {
      if (hasConnection(get().doc, ends)) {
        get().notify('These ports are already connected.')
        return false
      }
      return change('Connect', (doc) => connect(doc, ends))
    },
    reconnect(connectionId, ends) {
      return change('Reconnect', (doc) => reconnect(doc, connectionId, ends))
    },
    deleteSelection() {
      const { selection } = get()
      get().deleteItems({
        routines: [...selection.routines],
        connections: [...selection.connections],
        notes: [...selection.notes],
      })
    },
    deleteItems(items) {
      const count =
        (items.routines?.length ?? 0) + (items.connections?.length ?? 0) + (items.notes?.length ?? 0)
      if (count === 0) return
      change(count === 1 ? 'Delete' : `Delete ${count} items`, (doc) => removeItems(doc, items))
    },
    renameRoutine(from, to) {
      if (from === to) return undefined
      const { doc } = get()
      const error = idError(to, (x) => x !== from && doc.routines.some((r) => r.id === x))
      if (error) return error
      // The selection follows the rename (see pruneSelection), connections included.
      change('Rename routine', (current) => routineOps.renameRoutine(current, from, to))
      return undefined
    },
    setRoutineConfig(id, config, coalesceKey) {
      change('Edit config', (doc) => routineOps.setRoutineConfig(doc, id, config), coalesceKey)
    },
    updateRoutine(id, patch, coalesceKey) {
      change('Edit routine', (doc) => routineOps.updateRoutine(doc, id, patch), coalesceKey)
    },
    setSlotMerge(id, slot, merge) {
      change('Change merge strategy', (doc) => routineOps.setSlotMerge(doc, id, slot, merge))
    },
    setRoutineErrorHandler(id, handler, coalesceKey) {
      change(
        'Change error handler',
        (doc) => routineOps.setRoutineErrorHandler(doc, id, handler),
        coalesceKey,
      )
    },
    setExecution(execution, coalesceKey) {
      change('Change flow settings', (doc) => setExecution(doc, execution), coalesceKey)
    },
    setFlowInfo(info, coalesceKey) {
      change('Rename flow', (doc) => setFlowInfo(doc, info), coalesceKey)
    },
    addNote(position, text) {
      let id = ''
      change('Add note', (doc) => {
        const added = addNote(doc, position, text)
        id = added.id
        return added.doc
      })
      get().select({ notes: [id] })
      return id
    },
    updateNote(id, patch, coalesceKey) {
      change('Edit note', (doc) => updateNote(doc, id, patch), coalesceKey)
    },
    moveDuringDrag(routines, notes) {
      get().beginTransient()
      get().transient((doc) => routineOps.moveItems(doc, routines, notes))
    },
    endMove() {
      get().endTransient('Move')
    },
    moveItems(label, routines, notes, coalesceKey) {
      change(label, (doc) => routineOps.moveItems(doc, routines, notes), coalesceKey)
    },
    align(mode) {
      applyBoxMoves(get(), `Align ${mode}`, alignBoxes(selectedBoxes(get()), mode))
    },
    distribute(axis) {
      applyBoxMoves(get(), `Distribute ${axis}`, distributeBoxes(selectedBoxes(get()), axis))
    },
    copySelection() {
      const { doc, selection } = get()
      const fragment = extractFragment(doc, selection.routines, selection.notes)
      return isEmptyFragment(fragment) ? undefined : serializeFragment(fragment)
    },
    cutSelection() {
      const text = get().copySelection()
      if (text !== undefined) get().deleteSelection()
      return text
    },
    paste(text, at) {
      const fragment = parseFragment(text)
      if (!fragment || isEmptyFragment(fragment)) return false
      return insertAndSelect('Paste', fragment, at)
    },
    duplicateSelection() {
      const { doc, selection } = get()
      const fragment = extractFragment(doc, selection.routines, selection.notes)
      if (isEmptyFragment(fragment)) return
      const origin = fragmentOrigin(fragment)
      insertAndSelect('Duplicate', fragment, {
        x: origin.x + DUPLICATE_OFFSET,
        y: origin.y + DUPLICATE_OFFSET,
      })
    },
  }
}

/** Selected routines and notes as boxes; ids carry an `r:`/`n:` prefix because the kinds share no id space. */
function selectedBoxes(state: StudioState): Box[] {
  const { routines, notes } = itemBoxes(
    state.doc,
    state.descriptors,
    state.selection.routines,
    state.selection.notes,
  )
  return [
    ...routines.map((b) => ({ ...b, id: `r:${b.id}` })),
    ...notes.map((b) => ({ ...b, id: `n:${b.id}` })),
  ]
}

function applyBoxMoves(state: StudioState, label: string, moved: Record<string, Point>): void {
  const routines: Record<string, Point> = {}
  const notes: Record<string, Point> = {}
  for (const [key, point] of Object.entries(moved)) {
    if (key.startsWith('r:')) routines[key.slice(2)] = point
    else notes[key.slice(2)] = point
  }
  state.moveItems(label, routines, notes)
}
