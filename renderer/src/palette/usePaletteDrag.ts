/**
 * Dragging a routine type from the palette onto the canvas with pointer events (not HTML drag and
 * drop): a small ghost follows the pointer and the routine lands where the pointer is released.
 */
import { useReactFlow } from '@xyflow/react'
import { type PointerEvent as ReactPointerEvent, useCallback, useEffect, useRef, useState } from 'react'
import { NODE_WIDTH } from '../canvas/node-geometry'
import { useStudioStore } from '../store/StoreProvider'

/** Pixels the pointer must travel before a press becomes a drag (a click stays a click). */
const DRAG_THRESHOLD = 5

export interface PaletteDrag {
  readonly type: string
  readonly title: string
  readonly x: number
  readonly y: number
  readonly overCanvas: boolean
}

/** True over the canvas or what floats on it (the empty-state card), not over its control panels. */
function overCanvas(x: number, y: number): boolean {
  const hit = document.elementFromPoint(x, y)
  if (!hit?.closest('.canvas-stack')) return false
  return !hit.closest('.react-flow__panel, .find-bar, .quick-add')
}

export function usePaletteDrag() {
  const store = useStudioStore()
  const flow = useReactFlow()
  const [drag, setDrag] = useState<PaletteDrag | null>(null)
  const press = useRef<{ type: string; title: string; x: number; y: number } | null>(null)
  const dragging = useRef(false)

  const onPointerDown = useCallback((event: ReactPointerEvent, type: string, title: string) => {
    if (event.button !== 0) return
    press.current = { type, title, x: event.clientX, y: event.clientY }
    dragging.current = false
  }, [])

  useEffect(() => {
    const onMove = (event: PointerEvent) => {
      const start = press.current
      if (!start) return
      if (!dragging.current && Math.hypot(event.clientX - start.x, event.clientY - start.y) < DRAG_THRESHOLD)
        return
      dragging.current = true
      event.preventDefault()
      setDrag({
        type: start.type,
        title: start.title,
        x: event.clientX,
        y: event.clientY,
        overCanvas: overCanvas(event.clientX, event.clientY),
      })
    }
    const onUp = (event: PointerEvent) => {
      const start = press.current
      press.current = null
      if (!start || !dragging.current) return
      dragging.current = false
      setDrag(null)
      if (!overCanvas(event.clientX, event.clientY)) return
      const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY })
      store.getState().addRoutine(start.type, { x: p.x - NODE_WIDTH / 2, y: p.y - 20 })
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !press.current) return
      press.current = null
      dragging.current = false
      setDrag(null)
    }
    window.addEventListener('pointermove', onMove)
    window.addEventListener('pointerup', onUp)
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('pointermove', onMove)
      window.removeEventListener('pointerup', onUp)
      window.removeEventListener('keydown', onKey)
    }
  }, [flow, store])

  return { drag, onPointerDown }
}
