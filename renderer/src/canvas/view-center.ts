/** Where new things go when no pointer position applies: the middle of the visible canvas. */
import type { ReactFlowInstance } from '@xyflow/react'
import type { Point } from '../../../engine/document/types'
import { lastPointer } from './pointer'

type Flow = Pick<ReactFlowInstance, 'screenToFlowPosition'>

/** The centre of the visible canvas in flow coordinates. */
export function viewCenter(flow: Flow): Point {
  const rect = document.querySelector('.flow-canvas')?.getBoundingClientRect()
  if (!rect) return { x: 0, y: 0 }
  return flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 })
}

/** The pointer in flow coordinates when it is over the canvas, else the view centre. */
export function pointerOrCenter(flow: Flow): Point {
  const p = lastPointer()
  const rect = document.querySelector('.flow-canvas')?.getBoundingClientRect()
  if (p && rect && p.x >= rect.left && p.x <= rect.right && p.y >= rect.top && p.y <= rect.bottom) {
    return flow.screenToFlowPosition(p)
  }
  return viewCenter(flow)
}

const QUICK_ADD_SIZE = { width: 310, height: 360 }

/** Where the quick-add box goes for a pointer at `client`: next to it, but kept inside the canvas. */
export function quickAddSpot(client: Point): Point {
  const rect = document.querySelector('.flow-canvas')?.getBoundingClientRect()
  if (!rect) return client
  const x = Math.min(client.x - rect.left + 4, rect.width - QUICK_ADD_SIZE.width)
  const y = Math.min(client.y - rect.top + 4, rect.height - QUICK_ADD_SIZE.height)
  return { x: Math.max(4, x), y: Math.max(4, y) }
}
