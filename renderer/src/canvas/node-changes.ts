/**
 * React Flow's node changes turned into store actions: moves during a drag are transient and become
 * one undo step when the drag ends; a note resize is one step too; selection changes are batched.
 */
import type { NodeChange } from '@xyflow/react'
import type { Point } from '../../../engine/document/types'
import type { StudioStore } from '../store/state'
import type { FlowNode } from './flow-mapper'
import { noteIdFromNode } from './node-geometry'

/** Applies one batch of node changes to the store. */
export function applyNodeChanges(store: StudioStore, changes: readonly NodeChange<FlowNode>[]): void {
  const state = store.getState()
  const routines: Record<string, Point> = {}
  const notes: Record<string, Point> = {}
  const sizes: Record<string, { width: number; height: number }> = {}
  let moved = false
  let finished = false
  let resizing = false
  let resizeEnded = false
  const selection: { kind: 'routines' | 'notes'; id: string; selected: boolean }[] = []
  for (const change of changes) {
    if (change.type === 'position' && change.position) {
      const noteId = noteIdFromNode(change.id)
      if (noteId !== undefined) notes[noteId] = change.position
      else routines[change.id] = change.position
      moved = true
      if (!change.dragging) finished = true
    } else if (change.type === 'select') {
      const noteId = noteIdFromNode(change.id)
      selection.push(
        noteId !== undefined
          ? { kind: 'notes', id: noteId, selected: change.selected }
          : { kind: 'routines', id: change.id, selected: change.selected },
      )
    } else if (change.type === 'dimensions' && change.resizing !== undefined && change.dimensions) {
      const noteId = noteIdFromNode(change.id)
      if (noteId === undefined) continue
      sizes[noteId] = {
        width: Math.round(change.dimensions.width),
        height: Math.round(change.dimensions.height),
      }
      resizing = true
      if (!change.resizing) resizeEnded = true
    }
  }
  // A resize (which may also move a note's corner) is one undo step, recorded when it ends.
  if (resizing) {
    state.beginTransient()
    for (const [id, size] of Object.entries(sizes)) state.updateNote(id, size)
  }
  if (moved) state.moveDuringDrag(routines, notes)
  if (resizing) {
    if (resizeEnded) state.endTransient('Resize note')
  } else if (finished) state.endMove()
  if (selection.length > 0) state.applySelectionChanges(selection)
}
