import { describe, expect, it } from 'vitest'
import { type MenuNode, menuShortcuts, menuTemplate } from './menu-template'

const labels = (nodes: readonly MenuNode[]) =>
  nodes
    .filter((n) => n.kind !== 'separator')
    .map((n) => ('label' in n ? n.label.replace('&', '').replace('…', '') : ''))
const submenu = (nodes: readonly MenuNode[], label: string) => {
  const found = nodes.find((n) => n.kind === 'submenu' && n.label.replace('&', '') === label)
  if (found?.kind !== 'submenu') throw new Error(`no ${label} menu`)
  return found.items
}

describe('application menu', () => {
  const menu = menuTemplate({
    recent: [{ path: '/a/one.routilux.json', name: 'one', openedAt: 1, exists: true }],
    examples: [{ id: 'hello', name: 'Hello', description: '' }],
    platform: 'linux',
  })

  it('has exactly the File, Edit, View, Run and Help menus with their items', () => {
    expect(labels(menu)).toEqual(['File', 'Edit', 'View', 'Run', 'Help'])
    expect(labels(submenu(menu, 'File'))).toEqual([
      'New',
      'Open',
      'Open Recent',
      'Open Example',
      'Save',
      'Save As',
      'Export D2',
      'Export SVG',
      'Quit',
    ])
    expect(labels(submenu(menu, 'Edit'))).toEqual([
      'Undo',
      'Redo',
      'Cut',
      'Copy',
      'Paste',
      'Select All',
      'Find',
    ])
    expect(labels(submenu(menu, 'View'))).toEqual([
      'Zoom In',
      'Zoom Out',
      'Actual Size',
      'Fit to Window',
      'Toggle Palette',
      'Toggle Inspector',
      'Toggle Run Panel',
      'Toggle Problems',
      'Theme',
    ])
    expect(labels(submenu(menu, 'Run'))).toEqual(['Start', 'Pause', 'Resume', 'Cancel'])
    expect(labels(submenu(menu, 'Help'))).toEqual([
      'Keyboard Shortcuts',
      'User Guide',
      'About Routilux Studio',
    ])
  })

  it('lists recent files and examples with their arguments', () => {
    const file = submenu(menu, 'File')
    expect(submenu(file, 'Open Recent')).toEqual([
      { kind: 'command', label: 'one', command: 'file.openRecent', arg: '/a/one.routilux.json' },
    ])
    expect(submenu(file, 'Open Example')).toEqual([
      { kind: 'command', label: 'Hello', command: 'file.openExample', arg: 'hello' },
    ])
  })

  it('puts About and Quit in the application menu on macOS', () => {
    const mac = menuTemplate({ recent: [], examples: [], platform: 'darwin' })
    expect(labels(mac)).toEqual(['Routilux Studio', 'File', 'Edit', 'View', 'Run', 'Help'])
    expect(labels(submenu(mac, 'Routilux Studio'))).toEqual([
      'About Routilux Studio',
      'Services',
      'Hide Routilux Studio',
      'Hide Others',
      'Show All',
      'Quit Routilux Studio',
    ])
    expect(labels(submenu(mac, 'File')).at(-1)).toBe('Export SVG')
    expect(labels(submenu(mac, 'Help'))).toEqual(['Keyboard Shortcuts', 'User Guide'])
  })

  it('lists the keys the menu owns in the renderer notation, each once', () => {
    const linux = menuShortcuts(menu, 'linux')
    expect(linux).toEqual(
      expect.arrayContaining([
        'Mod+S',
        'Mod+Shift+S',
        'Mod+Z',
        'Mod+Y',
        'Mod+=',
        'Mod+Alt+1',
        'F5',
        'Shift+F6',
      ]),
    )
    expect(new Set(linux).size).toBe(linux.length)
    const mac = menuShortcuts(menuTemplate({ recent: [], examples: [], platform: 'darwin' }), 'darwin')
    expect(mac).toEqual(expect.arrayContaining(['Mod+Shift+Z', 'Mod+O', 'F6']))
    expect(mac).not.toContain('Mod+Y')
  })

  it('uses platform conventions and shows empty lists as disabled items', () => {
    const mac = menuTemplate({ recent: [], examples: [], platform: 'darwin' })
    const redo = submenu(mac, 'Edit').find((n) => n.kind === 'command' && n.command === 'edit.redo')
    expect(redo).toMatchObject({ accelerator: 'Cmd+Shift+Z' })
    expect(submenu(submenu(mac, 'File'), 'Open Recent')).toEqual([
      expect.objectContaining({ label: 'No recent files', enabled: false }),
    ])
    expect(
      labels(submenu(menuTemplate({ recent: [], examples: [], platform: 'win32' }), 'File')).at(-1),
    ).toBe('Exit')
  })
})
