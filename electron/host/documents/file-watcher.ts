/**
 * Notices when an open document changes or disappears on disk outside the studio. It polls the file's
 * status (reliable on every platform and file system, unlike change events) and compares with the
 * modification time the studio itself last read or wrote, so the studio's own saves never count.
 */
import { stat } from 'node:fs/promises'

export interface DiskChange {
  readonly absolute: string
  readonly change: 'modified' | 'deleted'
  readonly modifiedAt: number | null
}

export class FileWatcher {
  readonly #known = new Map<string, number | null>()
  readonly #onChange: (change: DiskChange) => void
  readonly #timer: ReturnType<typeof setInterval>
  #polling = false

  constructor(onChange: (change: DiskChange) => void, intervalMs = 1000) {
    this.#onChange = onChange
    this.#timer = setInterval(() => void this.poll(), intervalMs)
    this.#timer.unref?.()
  }

  /** Watches `absolute`, whose current modification time the studio knows to be `modifiedAt`. */
  watch(absolute: string, modifiedAt: number | null): void {
    this.#known.set(absolute, modifiedAt)
  }

  /** Stops watching `absolute`; returns the modification time it was known by (undefined: not watched). */
  unwatch(absolute: string): number | null | undefined {
    const known = this.#known.get(absolute)
    this.#known.delete(absolute)
    return known
  }

  /** Checks every watched file once (also run by the timer). */
  async poll(): Promise<void> {
    if (this.#polling) return
    this.#polling = true
    try {
      for (const [absolute, known] of [...this.#known]) {
        const current = await stat(absolute).then(
          (s) => s.mtimeMs,
          () => null,
        )
        if (current === known || !this.#known.has(absolute)) continue
        this.#known.set(absolute, current)
        this.#onChange({ absolute, change: current === null ? 'deleted' : 'modified', modifiedAt: current })
      }
    } finally {
      this.#polling = false
    }
  }

  close(): void {
    clearInterval(this.#timer)
    this.#known.clear()
  }
}
