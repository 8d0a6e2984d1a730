/** Actions of the editing slice (see editing-slice.ts): every user edit of the document. */
import type { ErrorHandlerSpec, ExecutionSpec, NoteSpec, Point } from '../../../engine/document/types'
import type { Payload } from '../../../engine/types'
import type { AlignMode, DistributeAxis } from '../document/align'
import type { ConnectionEnds } from '../document/connection-ops'
import type { RoutinePatch } from '../document/routine-ops'

/** The port a new routine should be wired to (quick-add after dropping a connection). */
export interface ConnectFrom {
  readonly routine: string
  readonly event?: string
  readonly slot?: string
}

export interface EditingSlice {
  /** Adds a routine of `type` at `position` (and wires it to `connectFrom`); returns its id. */
  addRoutine(type: string, position: Point, connectFrom?: ConnectFrom): string | undefined
  /** Connects an event to a slot; false when refused (duplicate, not event → slot). */
  connectPorts(ends: ConnectionEnds): boolean
  reconnect(connectionId: string, ends: ConnectionEnds): boolean
  deleteSelection(): void
  deleteItems(items: { routines?: string[]; connections?: string[]; notes?: string[] }): void
  /** Renames a routine; returns an error message when the new id cannot be used. */
  renameRoutine(from: string, to: string): string | undefined
  setRoutineConfig(id: string, config: Payload, coalesceKey?: string): void
  updateRoutine(id: string, patch: RoutinePatch, coalesceKey?: string): void
  setSlotMerge(id: string, slot: string, merge: 'override' | 'append' | undefined): void
  setRoutineErrorHandler(id: string, handler: ErrorHandlerSpec | undefined, coalesceKey?: string): void
  setExecution(execution: ExecutionSpec, coalesceKey?: string): void
  setFlowInfo(info: { name?: string; description?: string }, coalesceKey?: string): void
  addNote(position: Point, text?: string): string
  updateNote(
    id: string,
    patch: Partial<Pick<NoteSpec, 'text' | 'width' | 'height' | 'color'>>,
    coalesceKey?: string,
  ): void
  /** Moves during a drag (transient) — call `endMove` once when the drag ends. */
  moveDuringDrag(routines: Record<string, Point>, notes?: Record<string, Point>): void
  endMove(): void
  /** Moves items as one undoable step (keyboard nudges, align, distribute, layout without animation). */
  moveItems(
    label: string,
    routines: Record<string, Point>,
    notes?: Record<string, Point>,
    coalesceKey?: string,
  ): void
  align(mode: AlignMode): void
  distribute(axis: DistributeAxis): void
  /** The selection as clipboard JSON, or undefined when nothing is selected. */
  copySelection(): string | undefined
  /** Copies and deletes the selection. */
  cutSelection(): string | undefined
  /** Pastes clipboard JSON with its top-left corner at `at`; false when the text is not a fragment. */
  paste(text: string, at: Point): boolean
  duplicateSelection(): void
}
