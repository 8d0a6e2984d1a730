/**
 * Keeps the React Flow viewport in step with the document: restores the saved viewport exactly when
 * a document is loaded (or fits the view when it has none) and centres on what the problems panel
 * or find asks for.
 */
import type { ReactFlowInstance } from '@xyflow/react'
import { useEffect } from 'react'
import type { StudioStore } from '../store/state'
import { useStudio } from '../store/useStudio'
import type { ConnectionEdgeType, FlowNode } from './flow-mapper'

const selectDocSerial = (s: { docSerial: number }) => s.docSerial
const selectFocus = (s: {
  focusRequest: { serial: number; routineId?: string; connectionId?: string } | null
}) => s.focusRequest

const FOCUS_ZOOM = 1
const FIT_PADDING = 0.15

export function useViewportSync(
  store: StudioStore,
  flow: ReactFlowInstance<FlowNode, ConnectionEdgeType>,
  ready: boolean,
) {
  const docSerial = useStudio(selectDocSerial)
  const focus = useStudio(selectFocus)

  useEffect(() => {
    if (!ready) return
    void docSerial
    const saved = store.getState().doc.layout.viewport
    const frame = requestAnimationFrame(() => {
      if (saved) {
        void flow.setViewport(saved)
        store.getState().setViewport(saved)
      } else {
        void flow
          .fitView({ padding: FIT_PADDING, maxZoom: 1 })
          .then(() => store.getState().setViewport(flow.getViewport()))
      }
    })
    return () => cancelAnimationFrame(frame)
  }, [docSerial, ready, flow, store])

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
}
