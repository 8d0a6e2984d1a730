/**
 * Runs commands: keyboard shortcuts, clipboard events and menu commands from the shell (through the
 * store) all end here, next to the canvas they act on. Renders nothing.
 */
import { useReactFlow } from '@xyflow/react'
import { useEffect, useMemo } from 'react'
import type { ConnectionEdgeType, FlowNode } from '../canvas/flow-mapper'
import { useStudioStore } from '../store/StoreProvider'
import { rememberCopied, systemClipboard } from './clipboard'
import type { CommandContext } from './command-context'
import { COMMANDS, COMMANDS_BY_ID } from './commands'
import { pasteFromClipboard } from './edit-commands'
import { isEditableTarget, isMac, matchesShortcut } from './keymap'
import { ownedByMenu, shellCommandAction, TEXT_EDITING } from './shell-commands'

/** Keys that keep their usual meaning on buttons, links and lists (focus moves, activation). */
const NAVIGATION_KEYS = new Set([
  'Tab',
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Delete',
  'Backspace',
])

function onCanvasOrPage(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return true
  return target === document.body || target.closest('.flow-canvas') !== null
}

/**
 * Tab opens quick-add on the canvas (focus in it, or the pointer over it); elsewhere it moves the
 * focus, so the window stays reachable from the keyboard.
 */
function tabAddsRoutine(target: EventTarget | null): boolean {
  if (target instanceof Element && target.closest('.flow-canvas')) return true
  return document.querySelector('.flow-canvas:hover') !== null
}

export function CommandHost() {
  const store = useStudioStore()
  const flow = useReactFlow<FlowNode, ConnectionEdgeType>()
  const ctx: CommandContext = useMemo(() => ({ store, flow, clipboard: systemClipboard }), [store, flow])

  useEffect(() => {
    store.getState().setCommandRunner((id, arg, viaShortcut = false) => {
      const command = COMMANDS_BY_ID.get(id)
      if (!command) return false
      const action = shellCommandAction(command, {
        viaShortcut,
        dialogOpen: Boolean(store.getState().dialog),
        editingText: isEditableTarget(document.activeElement),
      })
      const textCommand = TEXT_EDITING[id]
      // The native editing command keeps the field's own undo history and selection behaviour.
      if (action === 'editText' && textCommand) document.execCommand(textCommand)
      else if (action === 'run') command.run(ctx, arg)
      return true
    })
    return () => store.getState().setCommandRunner(null)
  }, [store, ctx])

  useEffect(() => {
    const mac = isMac()
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return
      const s = store.getState()
      // In the desktop app the menu runs these keys (and sends the command here): acting on them too
      // would run the command twice.
      if (ownedByMenu(event, s.appInfo?.menuKeys ?? [], mac)) return
      if (s.dialog) return
      const editable = isEditableTarget(event.target)
      for (const command of COMMANDS) {
        const keys = command.keys ?? []
        if (!keys.some((k) => matchesShortcut(event, k, mac))) continue
        if (editable && !command.inFields) return
        if (NAVIGATION_KEYS.has(event.key) && !onCanvasOrPage(event.target)) return
        if (event.key === 'Tab' && !tabAddsRoutine(event.target)) return
        if (event.key.startsWith('Arrow') && !event.altKey && selectionSize(s.selection) === 0) return
        event.preventDefault()
        command.run(ctx)
        return
      }
    }
    const onCopy = (event: ClipboardEvent) => {
      if (isEditableTarget(event.target) || hasTextSelection()) return
      const text = event.type === 'cut' ? store.getState().cutSelection() : store.getState().copySelection()
      if (text === undefined) return
      event.clipboardData?.setData('text/plain', text)
      rememberCopied(text)
      event.preventDefault()
    }
    const onPaste = (event: ClipboardEvent) => {
      if (isEditableTarget(event.target) || store.getState().dialog) return
      const text = event.clipboardData?.getData('text/plain')
      if (!text) return
      event.preventDefault()
      void pasteFromClipboard(ctx, text)
    }
    window.addEventListener('keydown', onKeyDown)
    document.addEventListener('copy', onCopy)
    document.addEventListener('cut', onCopy)
    document.addEventListener('paste', onPaste)
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      document.removeEventListener('copy', onCopy)
      document.removeEventListener('cut', onCopy)
      document.removeEventListener('paste', onPaste)
    }
  }, [store, ctx])

  return null
}

function selectionSize(s: { routines: ReadonlySet<string>; notes: ReadonlySet<string> }): number {
  return s.routines.size + s.notes.size
}

function hasTextSelection(): boolean {
  const selection = window.getSelection()
  return selection !== null && !selection.isCollapsed && selection.toString().length > 0
}
