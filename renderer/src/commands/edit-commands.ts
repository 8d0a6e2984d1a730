/** Edit commands: undo, clipboard, duplicate, delete, select, find, quick-add, notes, nudges. */
import { NODE_WIDTH } from '../canvas/node-geometry'
import { lastPointer } from '../canvas/pointer'
import { pointerOrCenter, quickAddSpot } from '../canvas/view-center'
import type { Command, CommandContext } from './command-context'

const NUDGE = 1
const NUDGE_FAR = 10

function nudge({ store }: CommandContext, dx: number, dy: number): void {
  const s = store.getState()
  const routines: Record<string, { x: number; y: number }> = {}
  for (const id of s.selection.routines) {
    const p = s.doc.layout.positions[id] ?? { x: 0, y: 0 }
    routines[id] = { x: p.x + dx, y: p.y + dy }
  }
  const notes: Record<string, { x: number; y: number }> = {}
  for (const n of s.doc.notes) if (s.selection.notes.has(n.id)) notes[n.id] = { x: n.x + dx, y: n.y + dy }
  s.moveItems('Move', routines, notes, 'nudge')
}

export async function pasteFromClipboard(ctx: CommandContext, text?: string): Promise<void> {
  const content = text ?? (await ctx.clipboard.read())
  if (content === undefined) return
  const at = pointerOrCenter(ctx.flow)
  if (!ctx.store.getState().paste(content, at))
    ctx.store.getState().notify('The clipboard holds no routines to paste.')
}

export const editCommands: readonly Command[] = [
  {
    id: 'edit.undo',
    label: 'Undo',
    group: 'Edit',
    keys: ['Mod+Z'],
    run: ({ store }) => store.getState().undo(),
  },
  {
    id: 'edit.redo',
    label: 'Redo',
    group: 'Edit',
    keys: ['Mod+Shift+Z', 'Mod+Y'],
    run: ({ store }) => store.getState().redo(),
  },
  {
    id: 'edit.cut',
    label: 'Cut',
    group: 'Edit',
    displayKeys: ['Mod+X'],
    run: (ctx) => {
      const text = ctx.store.getState().cutSelection()
      if (text !== undefined) void ctx.clipboard.write(text)
    },
  },
  {
    id: 'edit.copy',
    label: 'Copy',
    group: 'Edit',
    displayKeys: ['Mod+C'],
    run: (ctx) => {
      const text = ctx.store.getState().copySelection()
      if (text !== undefined) void ctx.clipboard.write(text)
    },
  },
  {
    id: 'edit.paste',
    label: 'Paste at the pointer',
    group: 'Edit',
    displayKeys: ['Mod+V'],
    run: (ctx) => void pasteFromClipboard(ctx),
  },
  {
    id: 'edit.duplicate',
    label: 'Duplicate',
    group: 'Edit',
    keys: ['Mod+D'],
    run: ({ store }) => store.getState().duplicateSelection(),
  },
  {
    id: 'edit.delete',
    label: 'Delete selection',
    group: 'Edit',
    keys: ['Delete', 'Backspace'],
    run: ({ store }) => store.getState().deleteSelection(),
  },
  {
    id: 'edit.selectAll',
    label: 'Select all',
    group: 'Selection',
    keys: ['Mod+A'],
    run: ({ store }) => store.getState().selectAll(),
  },
  {
    id: 'edit.find',
    label: 'Find routines',
    group: 'Edit',
    keys: ['Mod+F'],
    inFields: true,
    run: ({ store }) => store.getState().setFind({ open: true }),
  },
  {
    id: 'edit.quickAdd',
    label: 'Add a routine at the pointer',
    group: 'Edit',
    keys: ['Tab'],
    run: ({ store, flow }) => {
      const rect = document.querySelector('.flow-canvas')?.getBoundingClientRect()
      const p = lastPointer()
      const inside =
        p && rect && p.x >= rect.left && p.x <= rect.right && p.y >= rect.top && p.y <= rect.bottom
      const client = inside
        ? p
        : rect
          ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 3 }
          : { x: 0, y: 0 }
      store.getState().openQuickAdd({ screen: quickAddSpot(client), flow: flow.screenToFlowPosition(client) })
    },
  },
  {
    id: 'edit.addNote',
    label: 'Add a sticky note',
    group: 'Edit',
    keys: ['Shift+N'],
    run: ({ store, flow }) => {
      const p = pointerOrCenter(flow)
      store.getState().addNote({ x: p.x - NODE_WIDTH / 2, y: p.y - 40 })
    },
  },
  {
    id: 'edit.escape',
    label: 'Clear selection, close boxes',
    group: 'Selection',
    keys: ['Escape'],
    run: ({ store }) => {
      const s = store.getState()
      if (s.quickAdd) s.closeQuickAdd()
      else if (s.find.open) s.setFind({ open: false })
      else s.clearSelection()
    },
  },
  {
    id: 'edit.nudgeLeft',
    label: 'Nudge left (Shift: 10 px)',
    group: 'Selection',
    keys: ['ArrowLeft'],
    run: (c) => nudge(c, -NUDGE, 0),
  },
  {
    id: 'edit.nudgeRight',
    label: 'Nudge right',
    group: 'Selection',
    keys: ['ArrowRight'],
    run: (c) => nudge(c, NUDGE, 0),
  },
  {
    id: 'edit.nudgeUp',
    label: 'Nudge up',
    group: 'Selection',
    keys: ['ArrowUp'],
    run: (c) => nudge(c, 0, -NUDGE),
  },
  {
    id: 'edit.nudgeDown',
    label: 'Nudge down',
    group: 'Selection',
    keys: ['ArrowDown'],
    run: (c) => nudge(c, 0, NUDGE),
  },
  {
    id: 'edit.nudgeLeftFar',
    label: 'Nudge left 10 px',
    group: 'Selection',
    keys: ['Shift+ArrowLeft'],
    run: (c) => nudge(c, -NUDGE_FAR, 0),
  },
  {
    id: 'edit.nudgeRightFar',
    label: 'Nudge right 10 px',
    group: 'Selection',
    keys: ['Shift+ArrowRight'],
    run: (c) => nudge(c, NUDGE_FAR, 0),
  },
  {
    id: 'edit.nudgeUpFar',
    label: 'Nudge up 10 px',
    group: 'Selection',
    keys: ['Shift+ArrowUp'],
    run: (c) => nudge(c, 0, -NUDGE_FAR),
  },
  {
    id: 'edit.nudgeDownFar',
    label: 'Nudge down 10 px',
    group: 'Selection',
    keys: ['Shift+ArrowDown'],
    run: (c) => nudge(c, 0, NUDGE_FAR),
  },
]
