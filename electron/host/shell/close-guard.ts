/**
 * The unsaved-changes prompt's logic, independent of Electron: the renderer reports whether the
 * document is dirty; on a close request the guard either lets the window close, or asks the user
 * (Save / Don't Save / Cancel). "Save" asks the renderer to save, and the window closes once the
 * renderer reports the document clean; a save that fails or is cancelled leaves it open.
 */
export type CloseChoice = 'save' | 'discard' | 'cancel'

export interface CloseGuardPorts {
  /** Shows the prompt for the named document and resolves with the user's choice. */
  ask(title: string): Promise<CloseChoice>
  /** Asks the renderer to save (`app.saveBeforeClose`). */
  requestSave(): void
  /** Closes the window for real. */
  close(): void
}

export class CloseGuard {
  readonly #ports: CloseGuardPorts
  #dirty = false
  #title = 'Untitled'
  #awaitingSave = false
  #asking = false

  constructor(ports: CloseGuardPorts) {
    this.#ports = ports
  }

  get dirty(): boolean {
    return this.#dirty
  }

  /** The renderer's report (`app.setDocumentState`). */
  report(state: { title: string; dirty: boolean }): void {
    this.#dirty = state.dirty
    this.#title = state.title
    if (!this.#awaitingSave) return
    this.#awaitingSave = false
    if (!state.dirty) this.#ports.close()
  }

  /** The page is gone (its renderer crashed): nothing is left to save, so closing is no longer held. */
  forget(): void {
    this.#dirty = false
    this.#awaitingSave = false
  }

  /**
   * Called on the window's close request; returns true when the close may proceed now. Otherwise the
   * caller prevents it and the guard closes the window later if the user confirms.
   */
  onCloseRequested(): boolean {
    if (!this.#dirty) return true
    if (this.#asking || this.#awaitingSave) return false
    this.#asking = true
    void this.#ports.ask(this.#title).then((choice) => {
      this.#asking = false
      if (choice === 'discard') {
        this.#dirty = false
        this.#ports.close()
      } else if (choice === 'save') {
        this.#awaitingSave = true
        this.#ports.requestSave()
      }
    })
    return false
  }
}
