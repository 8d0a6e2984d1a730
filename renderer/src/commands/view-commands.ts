/** Layout, view and help commands. */
import { clearOfOthers } from '../canvas/clear-placement'
import { animateTo } from '../layout/animate-layout'
import { computeLayout } from '../layout/elk-layout'
import type { ThemePreference } from '../store/state-ui'
import type { Command, CommandContext } from './command-context'

const FIT = { padding: 0.15, duration: 300, maxZoom: 1.2 }

async function autoLayout({ store, flow }: CommandContext): Promise<void> {
  const s = store.getState()
  const selected = s.selection.routines.size > 1 ? s.selection.routines : undefined
  if (s.doc.routines.length === 0) return
  try {
    const laidOut = await computeLayout(s.doc, s.descriptors, selected)
    const positions = selected ? clearOfOthers(s.doc, s.descriptors, laidOut) : laidOut
    await animateTo(store, positions, selected ? 'Auto-layout selection' : 'Auto-layout')
    if (!selected) await flow.fitView(FIT)
    // Moved clear of other routines, the selection may have left the view: follow it.
    else if (positions !== laidOut) await flow.fitView({ ...FIT, nodes: [...selected].map((id) => ({ id })) })
  } catch (error) {
    store
      .getState()
      .notify(`Auto-layout failed: ${error instanceof Error ? error.message : String(error)}`, 'error')
  }
}

const align = (mode: 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom') => (ctx: CommandContext) =>
  ctx.store.getState().align(mode)

export const viewCommands: readonly Command[] = [
  {
    id: 'layout.auto',
    label: 'Auto-layout (flow or selection)',
    group: 'Layout',
    keys: ['Shift+L'],
    run: (c) => void autoLayout(c),
  },
  {
    id: 'layout.alignLeft',
    label: 'Align left',
    group: 'Layout',
    keys: ['Alt+Shift+ArrowLeft'],
    run: align('left'),
  },
  {
    id: 'layout.alignRight',
    label: 'Align right',
    group: 'Layout',
    keys: ['Alt+Shift+ArrowRight'],
    run: align('right'),
  },
  {
    id: 'layout.alignTop',
    label: 'Align top',
    group: 'Layout',
    keys: ['Alt+Shift+ArrowUp'],
    run: align('top'),
  },
  {
    id: 'layout.alignBottom',
    label: 'Align bottom',
    group: 'Layout',
    keys: ['Alt+Shift+ArrowDown'],
    run: align('bottom'),
  },
  {
    id: 'layout.alignCenter',
    label: 'Align centres',
    group: 'Layout',
    keys: ['Alt+Shift+C'],
    run: align('center'),
  },
  {
    id: 'layout.alignMiddle',
    label: 'Align middles',
    group: 'Layout',
    keys: ['Alt+Shift+M'],
    run: align('middle'),
  },
  {
    id: 'layout.distributeH',
    label: 'Distribute horizontally',
    group: 'Layout',
    keys: ['Alt+Shift+H'],
    run: ({ store }) => store.getState().distribute('horizontal'),
  },
  {
    id: 'layout.distributeV',
    label: 'Distribute vertically',
    group: 'Layout',
    keys: ['Alt+Shift+V'],
    run: ({ store }) => store.getState().distribute('vertical'),
  },
  {
    id: 'view.zoomIn',
    label: 'Zoom in',
    group: 'View',
    keys: ['+', '='],
    run: ({ flow }) => void flow.zoomIn({ duration: 150 }),
  },
  {
    id: 'view.zoomOut',
    label: 'Zoom out',
    group: 'View',
    keys: ['-'],
    run: ({ flow }) => void flow.zoomOut({ duration: 150 }),
  },
  {
    id: 'view.zoomReset',
    label: 'Zoom to 100 %',
    group: 'View',
    keys: ['Shift+0'],
    run: ({ flow }) => void flow.zoomTo(1, { duration: 150 }),
  },
  {
    id: 'view.fitView',
    label: 'Fit the flow in view',
    group: 'View',
    keys: ['Shift+1'],
    run: ({ flow }) => void flow.fitView(FIT),
  },
  {
    id: 'view.togglePalette',
    label: 'Show or hide the palette',
    group: 'View',
    keys: ['Mod+B'],
    run: ({ store }) => store.getState().togglePanel('palette'),
  },
  {
    id: 'view.toggleInspector',
    label: 'Show or hide the inspector',
    group: 'View',
    keys: ['Mod+I'],
    run: ({ store }) => store.getState().togglePanel('inspector'),
  },
  {
    id: 'view.toggleProblems',
    label: 'Show or hide problems',
    group: 'View',
    keys: ['Mod+Shift+M'],
    run: ({ store }) => store.getState().togglePanel('problems'),
  },
  {
    id: 'view.toggleMinimap',
    label: 'Show or hide the minimap',
    group: 'View',
    keys: ['M'],
    run: ({ store }) => store.getState().togglePanel('minimap'),
  },
  {
    id: 'view.toggleRunPanel',
    label: 'Show or hide the run panel',
    group: 'View',
    run: ({ store }) => store.getState().togglePanel('runPanel'),
  },
  {
    id: 'view.theme',
    label: 'Switch theme (system, light, dark)',
    group: 'View',
    keys: ['Alt+T'],
    run: ({ store }, theme) => {
      if (theme === 'light' || theme === 'dark' || theme === 'system')
        store.getState().setTheme(theme as ThemePreference)
      else store.getState().cycleTheme()
    },
  },
  {
    id: 'help.shortcuts',
    label: 'Keyboard shortcuts',
    group: 'Help',
    keys: ['?'],
    run: ({ store }) => store.getState().openDialog({ kind: 'shortcuts' }),
  },
  {
    id: 'help.userGuide',
    label: 'User guide',
    group: 'Help',
    run: ({ store }) =>
      store.getState().notify('The user guide is docs/user-guide.md in the Routilux Studio folder.'),
  },
  {
    id: 'help.about',
    label: 'About',
    group: 'Help',
    run: ({ store }) => {
      const info = store.getState().appInfo
      store.getState().notify(info ? `${info.name} ${info.version} (${info.transport})` : 'Routilux Studio')
    },
  },
]
