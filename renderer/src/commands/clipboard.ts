/**
 * The system clipboard for menu-driven copy and paste (keyboard copy and paste use the DOM clipboard
 * events instead, which need no permission). A copy of the last text is kept for when the browser
 * refuses access.
 */
let lastCopied: string | undefined

export interface ClipboardPort {
  write(text: string): Promise<void>
  read(): Promise<string | undefined>
}

/** Remembers `text` as the fallback for reads the browser refuses. */
export function rememberCopied(text: string): void {
  lastCopied = text
}

export const systemClipboard: ClipboardPort = {
  async write(text) {
    rememberCopied(text)
    try {
      await navigator.clipboard.writeText(text)
    } catch {
      // Without clipboard permission the copy stays inside the studio (paste still works here).
      return
    }
  },
  async read() {
    try {
      return await navigator.clipboard.readText()
    } catch {
      return lastCopied
    }
  },
}
