/** Keyboard shortcut strings (`Mod+Shift+Z`): matching key events and showing them per platform. */

export interface KeyEventLike {
  readonly key: string
  readonly ctrlKey: boolean
  readonly metaKey: boolean
  readonly shiftKey: boolean
  readonly altKey: boolean
}

/** True when `event` is the shortcut `spec`; `Mod` is Cmd on macOS and Ctrl elsewhere. */
export function matchesShortcut(event: KeyEventLike, spec: string, mac: boolean): boolean {
  const parts = spec.split('+')
  const key = parts.pop() === '' ? '+' : (spec.split('+').pop() ?? '')
  const wanted = new Set(parts.map((p) => p.toLowerCase()))
  const mod = mac ? event.metaKey : event.ctrlKey
  if (wanted.has('mod') !== mod) return false
  if (!mac && event.metaKey) return false
  if (mac && event.ctrlKey && !wanted.has('ctrl')) return false
  if (wanted.has('alt') !== event.altKey) return false
  const printable = key.length === 1 && !/[a-z0-9]/i.test(key)
  if (!printable && wanted.has('shift') !== event.shiftKey) return false
  return normalise(event.key) === normalise(key)
}

function normalise(key: string): string {
  if (key === 'Esc') return 'escape'
  if (key === ' ') return 'space'
  return key.toLowerCase()
}

/** A shortcut for display: `⌘⇧Z` on macOS, `Ctrl+Shift+Z` elsewhere. */
export function formatShortcut(spec: string, mac: boolean): string {
  const parts = spec.endsWith('++') ? [...spec.slice(0, -2).split('+').filter(Boolean), '+'] : spec.split('+')
  const names: Record<string, [string, string]> = {
    mod: ['⌘', 'Ctrl'],
    shift: ['⇧', 'Shift'],
    alt: ['⌥', 'Alt'],
    arrowleft: ['←', '←'],
    arrowright: ['→', '→'],
    arrowup: ['↑', '↑'],
    arrowdown: ['↓', '↓'],
    delete: ['⌦', 'Del'],
    backspace: ['⌫', 'Backspace'],
    escape: ['Esc', 'Esc'],
  }
  const shown = parts.map(
    (p) => names[p.toLowerCase()]?.[mac ? 0 : 1] ?? (p.length === 1 ? p.toUpperCase() : p),
  )
  return mac ? shown.join('') : shown.join('+')
}

/** True on macOS (Cmd is the modifier). */
export function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '')
}

/** True when keyboard input belongs to a text field rather than the canvas. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  if (target.closest('.cm-editor')) return true
  const tag = target.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type
    return !['checkbox', 'radio', 'button', 'submit', 'range', 'color'].includes(type)
  }
  return (target as HTMLElement).isContentEditable
}
