/**
 * Keeps the React Flow viewport in step with the document. When a document is loaded, its saved
 * viewport is restored exactly (or the view fits the flow) *before* its nodes are handed to React
 * Flow, so the first drawing is already at the right zoom — a large flow is never drawn in full
 * detail just to be zoomed out a moment later. Also centres on what the problems panel or find asks for.
 */
import { getViewportForBounds, type ReactFlowInstance } from '@xyflow/react'
import { useEffect, useLayoutEffect, useState } from 'react'
import type { StudioStore } from '../store/state'
import { useStudio } from '../store/useStudio'
import type { ConnectionEdgeType, FlowNode } from './flow-mapper'

const selectDocSerial = (s: { docSerial: number }) => s.docSerial
const selectFocus = (s: {
  focusRequest: { serial: number; routineId?: string; connectionId?: string } | null
}) => s.focusRequest

const FOCUS_ZOOM = 1
const FIT_PADDING = 0.15
const FIT_MAX_ZOOM = 1

/** The viewport that shows every node with some padding, in a canvas of `width` × `height`. */
export function fitViewport(
  nodes: readonly FlowNode[],
  width: number,
  height: number,
  minZoom: number,
): { x: number; y: number; zoom: number } {
  if (nodes.length === 0 || width === 0 || height === 0) return { x: 0, y: 0, zoom: 1 }
  let x1 = Number.POSITIVE_INFINITY
  let y1 = Number.POSITIVE_INFINITY
  let x2 = Number.NEGATIVE_INFINITY
  let y2 = Number.NEGATIVE_INFINITY
  for (const n of nodes) {
    x1 = Math.min(x1, n.position.x)
    y1 = Math.min(y1, n.position.y)
    x2 = Math.max(x2, n.position.x + (n.width ?? 0))
    y2 = Math.max(y2, n.position.y + (n.height ?? 0))
  }
  return getViewportForBounds(
    { x: x1, y: y1, width: x2 - x1, height: y2 - y1 },
    width,
    height,
    minZoom,
    FIT_MAX_ZOOM,
    FIT_PADDING,
  )
}

/**
 * Applies the document's viewport whenever a document is loaded; returns true once the current
 * document's viewport is in place (until then the canvas shows no nodes).
 */
export function useViewportSync(
  store: StudioStore,
  flow: ReactFlowInstance<FlowNode, ConnectionEdgeType>,
  ready: boolean,
  nodes: readonly FlowNode[],
  minZoom: number,
): boolean {
  const docSerial = useStudio(selectDocSerial)
  const focus = useStudio(selectFocus)
  const [shownSerial, setShownSerial] = useState(-1)

  useLayoutEffect(() => {
    if (!ready || shownSerial === docSerial) return
    const rect = document.querySelector('.flow-canvas')?.getBoundingClientRect()
    const viewport =
      store.getState().doc.layout.viewport ?? fitViewport(nodes, rect?.width ?? 0, rect?.height ?? 0, minZoom)
    void flow.setViewport(viewport)
    store.getState().setViewport(viewport)
    setShownSerial(docSerial)
  }, [docSerial, ready, shownSerial, nodes, flow, store, minZoom])

  useEffect(() => {
    if (!ready || !focus) return
    const zoom = Math.max(flow.getZoom(), FOCUS_ZOOM)
    const centre = (id: string) => {
      const node = flow.getInternalNode(id)
      if (!node) return undefined
      const { x, y } = node.internals.positionAbsolute
      return { x: x + (node.measured.width ?? 0) / 2, y: y + (node.measured.height ?? 0) / 2 }
    }
    let target: { x: number; y: number } | undefined
    if (focus.routineId !== undefined) target = centre(focus.routineId)
    else if (focus.connectionId !== undefined) {
      const c = store.getState().doc.connections.find((x) => x.id === focus.connectionId)
      const a = c && centre(c.source.routine)
      const b = c && centre(c.target.routine)
      if (a && b) target = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }
    }
    if (target) void flow.setCenter(target.x, target.y, { zoom, duration: 300 })
  }, [focus, ready, flow, store])

  return ready && shownSerial === docSerial
}
