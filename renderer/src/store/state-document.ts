/** State and actions of the document slice (see document-slice.ts). */

import type { DocPath } from '../../../electron/ipc/contract'
import type { FlowDocument, Problem } from '../../../engine/document/types'
import type { History } from '../document/history'

/** What `openDocument` needs: a loaded (or unparseable) document and where it came from. */
export interface LoadedDocument {
  readonly doc: FlowDocument | null
  readonly path: DocPath | null
  readonly name: string
  readonly modifiedAt: number | null
  readonly problems: readonly Problem[]
  /** Raw text of a file that could not be parsed. */
  readonly text?: string
  /** Opens the document as unsaved work (a recovered draft, an example). */
  readonly dirty?: boolean
}

export interface DocumentSlice {
  doc: FlowDocument
  docPath: DocPath | null
  docName: string
  /** The document as last saved or opened; `doc !== savedDoc` means unsaved changes. */
  savedDoc: FlowDocument
  modifiedAt: number | null
  /** Id under which unsaved work of this document is autosaved. */
  draftId: string
  history: History
  /** The document when the current transient burst began. */
  transientBase: FlowDocument | null
  /** Problems found when the document was opened (parse, migration, schema). */
  loadProblems: readonly Problem[]
  /** Raw text of a file that could not be parsed at all. */
  unreadableText: string | null
  /** Bumped whenever a different document is loaded (canvas restores the viewport then). */
  docSerial: number

  /** Applies one document change as one undo step; returns false when nothing changed. */
  change(label: string, fn: (doc: FlowDocument) => FlowDocument, options?: { coalesceKey?: string }): boolean
  beginTransient(): void
  /** Changes the document without recording a step (inside a burst). */
  transient(fn: (doc: FlowDocument) => FlowDocument): void
  /** Ends a burst, recording one step if the document changed. */
  endTransient(label: string): void
  undo(): void
  redo(): void
  /** Replaces the open document (new, open, example, recovered draft); clears history. */
  loadDocument(loaded: LoadedDocument): void
  /**
   * Records a successful save: `original` is the document the save started from, `saved` what was
   * written (with the viewport). Edits made while saving keep the document dirty.
   */
  markSaved(
    original: FlowDocument,
    saved: FlowDocument,
    path: DocPath,
    name: string,
    modifiedAt: number,
  ): void
}
