import { describe, expect, it } from 'vitest'
import type { MenuCommand } from '../../../electron/ipc/contract'
import { COMMANDS, COMMANDS_BY_ID } from './commands'

/** Every command the shell's menu can send (a missing key is a type error, so new ones are noticed). */
const MENU: Record<MenuCommand, true> = {
  'file.new': true,
  'file.open': true,
  'file.openRecent': true,
  'file.openExample': true,
  'file.openPath': true,
  'file.save': true,
  'file.saveAs': true,
  'file.exportD2': true,
  'file.exportSvg': true,
  'edit.undo': true,
  'edit.redo': true,
  'edit.cut': true,
  'edit.copy': true,
  'edit.paste': true,
  'edit.selectAll': true,
  'edit.find': true,
  'view.zoomIn': true,
  'view.zoomOut': true,
  'view.zoomReset': true,
  'view.fitView': true,
  'view.togglePalette': true,
  'view.toggleInspector': true,
  'view.toggleRunPanel': true,
  'view.toggleProblems': true,
  'view.theme': true,
  'run.start': true,
  'run.pause': true,
  'run.resume': true,
  'run.cancel': true,
  'help.shortcuts': true,
  'help.userGuide': true,
  'help.about': true,
  'app.saveBeforeClose': true,
}

describe('commands', () => {
  it('implement every command of the application menu', () => {
    expect(Object.keys(MENU).filter((id) => !COMMANDS_BY_ID.has(id))).toEqual([])
  })

  it('have unique ids and no shortcut bound twice', () => {
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length)
    const keys = COMMANDS.flatMap((c) => c.keys ?? [])
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([])
  })
})
