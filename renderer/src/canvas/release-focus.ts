/**
 * Pressing the empty canvas ends text editing. The pan-and-zoom behaviour cancels the browser's
 * default for that press, so without this a note or inspector field kept the keyboard: Delete,
 * Ctrl+Z or Ctrl+A then edited its text instead of acting on the flow.
 */
import { isEditableTarget } from '../commands/keymap'

/** Blurs the focused text field when `target` (what was pressed) is the canvas background. */
export function releaseFieldFocus(target: EventTarget | null): void {
  if (!(target instanceof Element) || !target.closest('.react-flow__pane')) return
  const active = document.activeElement
  if (active instanceof HTMLElement && isEditableTarget(active)) active.blur()
}
