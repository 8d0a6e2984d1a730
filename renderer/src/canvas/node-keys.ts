/**
 * Arrow keys on a focused node (one just clicked) nudge the selection through the studio's own
 * commands — 1 px, Shift 10 px, one undo step per burst — instead of the canvas library's built-in
 * 5 px moves with an undo step each, so a node moves the same however it was selected.
 */
const NUDGES: Readonly<Record<string, string>> = {
  ArrowLeft: 'edit.nudgeLeft',
  ArrowRight: 'edit.nudgeRight',
  ArrowUp: 'edit.nudgeUp',
  ArrowDown: 'edit.nudgeDown',
}

interface KeyOnTarget {
  readonly key: string
  readonly shiftKey: boolean
  readonly ctrlKey: boolean
  readonly metaKey: boolean
  readonly altKey: boolean
  readonly target: EventTarget | null
}

/** The nudge command for an arrow key pressed on a node itself, or undefined for any other key. */
export function nudgeCommandFor(event: KeyOnTarget): string | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined
  const target = event.target
  if (!(target instanceof Element) || !target.classList.contains('react-flow__node')) return undefined
  const command = NUDGES[event.key]
  if (!command) return undefined
  return event.shiftKey ? `${command}Far` : command
}
