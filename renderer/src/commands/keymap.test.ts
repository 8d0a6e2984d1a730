import { describe, expect, it } from 'vitest'
import { key } from '../test/key-event'
import { formatShortcut, matchesShortcut } from './keymap'

describe('keymap', () => {
  it('matches Mod to Ctrl on Linux and Cmd on macOS', () => {
    expect(matchesShortcut(key('z', { ctrl: true }), 'Mod+Z', false)).toBe(true)
    expect(matchesShortcut(key('z', { meta: true }), 'Mod+Z', true)).toBe(true)
    expect(matchesShortcut(key('z', { meta: true }), 'Mod+Z', false)).toBe(false)
    expect(matchesShortcut(key('z'), 'Mod+Z', false)).toBe(false)
  })

  it('requires exactly the listed modifiers for letters', () => {
    expect(matchesShortcut(key('Z', { ctrl: true, shift: true }), 'Mod+Shift+Z', false)).toBe(true)
    expect(matchesShortcut(key('Z', { ctrl: true, shift: true }), 'Mod+Z', false)).toBe(false)
    expect(matchesShortcut(key('L', { shift: true }), 'Shift+L', false)).toBe(true)
  })

  it('ignores Shift for punctuation that needs it', () => {
    expect(matchesShortcut(key('?', { shift: true }), '?', false)).toBe(true)
    expect(matchesShortcut(key('+', { shift: true }), '+', false)).toBe(true)
  })

  it('formats per platform', () => {
    expect(formatShortcut('Mod+Shift+Z', true)).toBe('⌘⇧Z')
    expect(formatShortcut('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z')
    expect(formatShortcut('Delete', false)).toBe('Del')
  })
})
