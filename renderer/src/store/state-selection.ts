/** State and actions of the selection slice (see selection-slice.ts). */
import type { FlowDocument } from '../../../engine/document/types'

export interface Selection {
  readonly routines: ReadonlySet<string>
  readonly connections: ReadonlySet<string>
  readonly notes: ReadonlySet<string>
}

export type SelectMode = 'replace' | 'add' | 'toggle'

export interface SelectionSlice {
  selection: Selection
  select(
    items: { routines?: Iterable<string>; connections?: Iterable<string>; notes?: Iterable<string> },
    mode?: SelectMode,
  ): void
  /** Applies React Flow's per-item select changes in one update. */
  applySelectionChanges(changes: readonly { kind: keyof Selection; id: string; selected: boolean }[]): void
  selectAll(): void
  clearSelection(): void
  /**
   * Drops selected ids that no longer exist in the document (after undo, delete, load); with the
   * `previous` document, selected routines and connections that the step renamed stay selected.
   */
  pruneSelection(previous?: FlowDocument): void
}
