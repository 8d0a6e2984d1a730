/**
 * Moves routines to new positions as one undoable step. Small flows glide there (ease-out over a
 * few frames); big flows and users who prefer reduced motion jump at once.
 */
import type { Point } from '../../../engine/document/types'
import type { StudioStore } from '../store/state'

const DURATION_MS = 350
const MAX_ANIMATED = 300

export function animateTo(store: StudioStore, target: Record<string, Point>, label: string): Promise<void> {
  const state = store.getState()
  const ids = Object.keys(target)
  const reduced = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false
  if (ids.length === 0) return Promise.resolve()
  if (reduced || ids.length > MAX_ANIMATED || typeof requestAnimationFrame !== 'function') {
    state.moveItems(label, target)
    return Promise.resolve()
  }
  const from: Record<string, Point> = {}
  for (const id of ids) from[id] = state.doc.layout.positions[id] ?? (target[id] as Point)
  state.beginTransient()
  const start = performance.now()
  return new Promise((resolve) => {
    const step = (now: number) => {
      const t = Math.min(1, (now - start) / DURATION_MS)
      const eased = 1 - (1 - t) ** 3
      const frame: Record<string, Point> = {}
      for (const id of ids) {
        const a = from[id] as Point
        const b = target[id] as Point
        frame[id] = { x: a.x + (b.x - a.x) * eased, y: a.y + (b.y - a.y) * eased }
      }
      store.getState().moveDuringDrag(t === 1 ? target : frame)
      if (t < 1) requestAnimationFrame(step)
      else {
        store.getState().endTransient(label)
        resolve()
      }
    }
    requestAnimationFrame(step)
  })
}
