/**
 * The application menu as plain data: labels, accelerators and the command each item sends to the
 * renderer (`menu.command`). The desktop shell turns it into an Electron menu; keeping it here lets
 * tests check the menu without Electron.
 *
 * Cut, Copy and Paste use the native roles: in text fields they behave natively, and on the canvas
 * the page receives the standard `cut` / `copy` / `paste` DOM events (exactly as in a browser in web
 * mode). Every other item is a command the renderer implements.
 */
import type { ExampleInfo, MenuCommand, RecentEntry } from '../../ipc/contract'

export type MenuRole = 'cut' | 'copy' | 'paste' | 'quit' | 'toggleDevTools'

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

/** The whole menu bar: File, Edit, View, Run, Help. */
export function menuTemplate(inputs: MenuInputs): MenuNode[] {
  const recent: MenuNode[] =
    inputs.recent.length === 0
      ? [{ kind: 'command', label: 'No recent files', command: 'file.openRecent', enabled: false }]
      : inputs.recent.map((entry) => cmd(entry.name, 'file.openRecent', undefined, entry.path))
  const examples: MenuNode[] =
    inputs.examples.length === 0
      ? [{ kind: 'command', label: 'No examples installed', command: 'file.openExample', enabled: false }]
      : inputs.examples.map((example) => cmd(example.name, 'file.openExample', undefined, example.id))
  return [
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
        sep,
        { kind: 'role', label: inputs.platform === 'win32' ? 'Exit' : 'Quit', role: 'quit' },
      ],
    },
    {
      kind: 'submenu',
      label: '&Edit',
      items: [
        cmd('Undo', 'edit.undo', 'CmdOrCtrl+Z'),
        cmd('Redo', 'edit.redo', inputs.platform === 'darwin' ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
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
        sep,
        cmd('About Routilux Studio', 'help.about'),
      ],
    },
  ]
}
