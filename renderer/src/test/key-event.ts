/** A keyboard event as the shortcut matcher sees it, for tests: `key('z', { ctrl: true })`. */
import type { KeyEventLike } from '../commands/keymap'

export function key(
  k: string,
  mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {},
): KeyEventLike {
  return {
    key: k,
    ctrlKey: mods.ctrl ?? false,
    metaKey: mods.meta ?? false,
    shiftKey: mods.shift ?? false,
    altKey: mods.alt ?? false,
  }
}
