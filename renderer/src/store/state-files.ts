/** State and actions of the files slice (see files-slice.ts): documents on disk, drafts, recovery. */
import type { DocPath } from '../../../electron/ipc/contract'

export interface FilesSlice {
  saving: boolean
  /** When unsaved work was last autosaved (epoch ms), for the status bar. */
  draftSavedAt: number | null

  /** Runs `proceed` now, or after the user agrees to drop (or save) unsaved changes. */
  guardUnsaved(action: string, proceed: () => void): void
  newDocument(): void
  /** Opens a file; with `ready`, shows it only once that settles (startup waits for the routine types). */
  openPath(path: DocPath, ready?: Promise<unknown>): Promise<void>
  /** Asks for a file (native dialog in the desktop app, the workspace browser in web mode) and opens it. */
  openWithDialog(): Promise<void>
  openExample(id: string, ready?: Promise<unknown>): Promise<void>
  /**
   * Saves to the current path, or asks for one; resolves true when the document is saved. `then`
   * runs once it is saved, also when that happens later through the save or overwrite dialog.
   */
  save(then?: () => void): Promise<boolean>
  /** Saves under `path` (asking before overwriting); without `path`, asks for one. `then` as for save. */
  saveAs(path?: DocPath, overwrite?: boolean, then?: () => void): Promise<boolean>
  /** Puts the current unsaved work into a draft when it changed since the last one. */
  autosave(): Promise<void>
  recoverDraft(draftId: string): Promise<void>
  discardDraft(draftId: string): Promise<void>
  /** Reports title and dirty state to the shell (window title, close prompt); `force` resends it. */
  reportDocumentState(force?: boolean): void
}
