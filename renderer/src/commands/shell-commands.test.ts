import { describe, expect, it } from 'vitest'
import { key } from '../test/key-event'
import { ownedByMenu, shellCommandAction } from './shell-commands'

/** What the Linux desktop menu reports in `app.info` (see electron/host/shell/menu-template.ts). */
const MENU_KEYS = ['Mod+S', 'Mod+Shift+S', 'Mod+Z', 'Mod+Y', 'Mod+A', 'Mod+F', 'Mod+=', 'F5', 'Shift+F5']

describe('keys shared with the desktop menu', () => {
  it('leaves the keys the menu owns to the menu, and keeps the others', () => {
    expect(ownedByMenu(key('F5'), MENU_KEYS, false)).toBe(true)
    expect(ownedByMenu(key('F5', { shift: true }), MENU_KEYS, false)).toBe(true)
    expect(ownedByMenu(key('s', { ctrl: true }), MENU_KEYS, false)).toBe(true)
    expect(ownedByMenu(key('z', { ctrl: true }), MENU_KEYS, false)).toBe(true)
    expect(ownedByMenu(key('=', { ctrl: true }), MENU_KEYS, false)).toBe(true)
    // Mod+Shift+Z is the page's own second Redo key on Linux, where the menu's Redo is Ctrl+Y.
    expect(ownedByMenu(key('Z', { ctrl: true, shift: true }), MENU_KEYS, false)).toBe(false)
    expect(ownedByMenu(key('Delete'), MENU_KEYS, false)).toBe(false)
    expect(ownedByMenu(key('F5'), [], false)).toBe(false)
  })

  it('runs a clicked menu command wherever the focus is, except text editing in a field', () => {
    const where = { viaShortcut: false, dialogOpen: true, editingText: true }
    expect(shellCommandAction({ id: 'file.exportD2' }, where)).toBe('run')
    expect(shellCommandAction({ id: 'edit.undo' }, where)).toBe('editText')
    expect(shellCommandAction({ id: 'edit.selectAll' }, { ...where, editingText: false })).toBe('run')
  })

  it('treats a pressed shortcut as the page treats its own keys', () => {
    const typing = { viaShortcut: true, dialogOpen: false, editingText: true }
    expect(shellCommandAction({ id: 'edit.redo' }, typing)).toBe('editText')
    expect(shellCommandAction({ id: 'run.start', inFields: true }, typing)).toBe('run')
    expect(shellCommandAction({ id: 'file.exportD2' }, typing)).toBe('ignore')
    const onCanvas = { viaShortcut: true, dialogOpen: false, editingText: false }
    expect(shellCommandAction({ id: 'edit.undo' }, onCanvas)).toBe('run')
    expect(shellCommandAction({ id: 'run.start', inFields: true }, { ...onCanvas, dialogOpen: true })).toBe(
      'ignore',
    )
  })
})
