/**
 * The order in which the desktop app shuts down, independent of Electron. However a quit starts
 * (File → Quit, Cmd+Q, the Dock, the operating system), the studio window is closed first — its
 * unsaved-changes prompt may still cancel everything — and only once the window is gone is the host
 * stopped (jobs, job history, workers) and the quit let through. Closing the last window quits.
 */

export interface QuitPorts {
  /** True while the studio window is open. */
  windowOpen(): boolean
  /** Asks the window to close; its close guard may keep it open. */
  closeWindow(): void
  /** Stops the host and writes what must survive (job history, window state). */
  shutdown(): Promise<void>
  /** Quits the application (raises the quit request again, which then goes through). */
  quit(): void
  /** Told about a shutdown that failed (the app quits anyway). */
  onError(error: unknown): void
}

export class QuitFlow {
  readonly #ports: QuitPorts
  #stopping = false
  #stopped = false

  constructor(ports: QuitPorts) {
    this.#ports = ports
  }

  /** The app is about to quit (`before-quit`); returns true when it may, false to hold it back. */
  onQuitRequested(): boolean {
    if (this.#stopped) return true
    if (this.#ports.windowOpen()) {
      this.#ports.closeWindow()
      return false
    }
    if (!this.#stopping) {
      this.#stopping = true
      void this.#ports
        .shutdown()
        .catch((error: unknown) => this.#ports.onError(error))
        .finally(() => {
          this.#stopped = true
          this.#ports.quit()
        })
    }
    return false
  }

  /** The last window closed: quit (also on macOS, where the studio is a one-window app). */
  onAllWindowsClosed(): void {
    this.#ports.quit()
  }
}
