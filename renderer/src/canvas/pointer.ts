/**
 * The last pointer position over the canvas, in client pixels. Kept outside React state on purpose:
 * it changes on every mouse move and only paste and quick-add read it.
 */
let last: { x: number; y: number } | null = null

export function setLastPointer(x: number, y: number): void {
  last = { x, y }
}

/** The last known pointer position over the canvas, or null before the pointer ever entered it. */
export function lastPointer(): { x: number; y: number } | null {
  return last
}
