/**
 * The application menu as plain data: labels, accelerators and the command each item sends to the
 * renderer (`menu.command`). The desktop shell turns it into an Electron menu; keeping it here lets
 * tests check the menu without Electron.
 *
 * Cut, Copy and Paste use the native roles: in text fields they behave natively, and on the canvas
 * the page receives the standard `cut` / `copy` / `paste` DOM events (exactly as in a browser in web
 * mode). Every other item is a command the renderer implements.
 *
 * On macOS the first menu is the application menu (About, Services, Hide, Quit), as the platform
 * expects; Quit and About move there from File and Help.
 */
import type { ExampleInfo, MenuCommand, RecentEntry } from '../../ipc/contract'

export type MenuRole =
  | 'cut'
  | 'copy'
  | 'paste'
  | 'quit'
  | 'toggleDevTools'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'

export type MenuNode =
  | {
      readonly kind: 'command'
      readonly label: string
      readonly command: MenuCommand
      readonly arg?: string
      readonly accelerator?: string
      readonly enabled?: boolean
    }
  | { readonly kind: 'role'; readonly label: string; readonly role: MenuRole; readonly accelerator?: string }
  | { readonly kind: 'submenu'; readonly label: string; readonly items: readonly MenuNode[] }
  | { readonly kind: 'separator' }

export interface MenuInputs {
  readonly recent: readonly RecentEntry[]
  readonly examples: readonly ExampleInfo[]
  readonly platform: NodeJS.Platform
  /** Adds View → Toggle Developer Tools (development builds only). */
  readonly devTools?: boolean
}

const sep: MenuNode = { kind: 'separator' }
const cmd = (label: string, command: MenuCommand, accelerator?: string, arg?: string): MenuNode => ({
  kind: 'command',
  label,
  command,
  ...(accelerator !== undefined && { accelerator }),
  ...(arg !== undefined && { arg }),
})

/** The application menu of macOS. */
function macAppMenu(): MenuNode {
  return {
    kind: 'submenu',
    label: 'Routilux Studio',
    items: [
      cmd('About Routilux Studio', 'help.about'),
      sep,
      { kind: 'role', label: 'Services', role: 'services' },
      sep,
      { kind: 'role', label: 'Hide Routilux Studio', role: 'hide' },
      { kind: 'role', label: 'Hide Others', role: 'hideOthers' },
      { kind: 'role', label: 'Show All', role: 'unhide' },
      sep,
      { kind: 'role', label: 'Quit Routilux Studio', role: 'quit' },
    ],
  }
}

/** The whole menu bar: File, Edit, View, Run, Help (after the application menu on macOS). */
export function menuTemplate(inputs: MenuInputs): MenuNode[] {
  const mac = inputs.platform === 'darwin'
  const recent: MenuNode[] =
    inputs.recent.length === 0
      ? [{ kind: 'command', label: 'No recent files', command: 'file.openRecent', enabled: false }]
      : inputs.recent.map((entry) => cmd(entry.name, 'file.openRecent', undefined, entry.path))
  const examples: MenuNode[] =
    inputs.examples.length === 0
      ? [{ kind: 'command', label: 'No examples installed', command: 'file.openExample', enabled: false }]
      : inputs.examples.map((example) => cmd(example.name, 'file.openExample', undefined, example.id))
  return [
    ...(mac ? [macAppMenu()] : []),
    {
      kind: 'submenu',
      label: '&File',
      items: [
        cmd('New', 'file.new', 'CmdOrCtrl+N'),
        cmd('Open…', 'file.open', 'CmdOrCtrl+O'),
        { kind: 'submenu', label: 'Open Recent', items: recent },
        { kind: 'submenu', label: 'Open Example', items: examples },
        sep,
        cmd('Save', 'file.save', 'CmdOrCtrl+S'),
        cmd('Save As…', 'file.saveAs', 'CmdOrCtrl+Shift+S'),
        sep,
        cmd('Export D2…', 'file.exportD2', 'CmdOrCtrl+E'),
        cmd('Export SVG…', 'file.exportSvg', 'CmdOrCtrl+Shift+E'),
        ...(mac
          ? []
          : [
              sep,
              { kind: 'role', label: inputs.platform === 'win32' ? 'Exit' : 'Quit', role: 'quit' } as const,
            ]),
      ],
    },
    {
      kind: 'submenu',
      label: '&Edit',
      items: [
        cmd('Undo', 'edit.undo', 'CmdOrCtrl+Z'),
        cmd('Redo', 'edit.redo', mac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
        sep,
        { kind: 'role', label: 'Cut', role: 'cut', accelerator: 'CmdOrCtrl+X' },
        { kind: 'role', label: 'Copy', role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { kind: 'role', label: 'Paste', role: 'paste', accelerator: 'CmdOrCtrl+V' },
        cmd('Select All', 'edit.selectAll', 'CmdOrCtrl+A'),
        sep,
        cmd('Find…', 'edit.find', 'CmdOrCtrl+F'),
      ],
    },
    {
      kind: 'submenu',
      label: '&View',
      items: [
        cmd('Zoom In', 'view.zoomIn', 'CmdOrCtrl+='),
        cmd('Zoom Out', 'view.zoomOut', 'CmdOrCtrl+-'),
        cmd('Actual Size', 'view.zoomReset', 'CmdOrCtrl+0'),
        cmd('Fit to Window', 'view.fitView', 'CmdOrCtrl+1'),
        sep,
        cmd('Toggle Palette', 'view.togglePalette', 'CmdOrCtrl+Alt+1'),
        cmd('Toggle Inspector', 'view.toggleInspector', 'CmdOrCtrl+Alt+2'),
        cmd('Toggle Run Panel', 'view.toggleRunPanel', 'CmdOrCtrl+Alt+3'),
        cmd('Toggle Problems', 'view.toggleProblems', 'CmdOrCtrl+Alt+4'),
        sep,
        {
          kind: 'submenu',
          label: 'Theme',
          items: [
            cmd('Light', 'view.theme', undefined, 'light'),
            cmd('Dark', 'view.theme', undefined, 'dark'),
            cmd('System', 'view.theme', undefined, 'system'),
          ],
        },
        ...(inputs.devTools
          ? [sep, { kind: 'role', label: 'Toggle Developer Tools', role: 'toggleDevTools' } as const]
          : []),
      ],
    },
    {
      kind: 'submenu',
      label: '&Run',
      items: [
        cmd('Start', 'run.start', 'F5'),
        cmd('Pause', 'run.pause', 'F6'),
        cmd('Resume', 'run.resume', 'Shift+F5'),
        cmd('Cancel', 'run.cancel', 'Shift+F6'),
      ],
    },
    {
      kind: 'submenu',
      label: '&Help',
      items: [
        cmd('Keyboard Shortcuts', 'help.shortcuts', 'CmdOrCtrl+/'),
        cmd('User Guide', 'help.userGuide', 'F1'),
        ...(mac ? [] : [sep, cmd('About Routilux Studio', 'help.about')]),
      ],
    },
  ]
}

const MODIFIERS: Record<string, { mac: string; other: string }> = {
  cmdorctrl: { mac: 'Mod', other: 'Mod' },
  commandorcontrol: { mac: 'Mod', other: 'Mod' },
  cmd: { mac: 'Mod', other: 'Meta' },
  command: { mac: 'Mod', other: 'Meta' },
  ctrl: { mac: 'Ctrl', other: 'Mod' },
  control: { mac: 'Ctrl', other: 'Mod' },
  alt: { mac: 'Alt', other: 'Alt' },
  option: { mac: 'Alt', other: 'Alt' },
  shift: { mac: 'Shift', other: 'Shift' },
}

/**
 * The menu's accelerators in the renderer's shortcut notation (`Mod+Shift+S`, `F5`; `Mod` is Cmd on
 * macOS and Ctrl elsewhere): the keys the menu owns in the desktop app, which the page then leaves
 * to the menu so that one key press runs one command.
 */
export function menuShortcuts(nodes: readonly MenuNode[], platform: NodeJS.Platform): string[] {
  const out: string[] = []
  const visit = (node: MenuNode): void => {
    if (node.kind === 'submenu') node.items.forEach(visit)
    else if ((node.kind === 'command' || node.kind === 'role') && node.accelerator !== undefined) {
      const parts = node.accelerator.split('+')
      const key = parts.pop() ?? ''
      const modifiers = parts.map((part) => {
        const names = MODIFIERS[part.toLowerCase()]
        return names ? names[platform === 'darwin' ? 'mac' : 'other'] : part
      })
      out.push([...modifiers, key].join('+'))
    }
  }
  nodes.forEach(visit)
  return out
}
