/** React Flow callbacks that turn canvas gestures into store actions. */
import type {
  Connection,
  EdgeChange,
  FinalConnectionState,
  NodeChange,
  OnConnectStartParams,
  ReactFlowInstance,
} from '@xyflow/react'
import { type MouseEvent as ReactMouseEvent, useMemo } from 'react'
import { hasConnection } from '../document/connection-ops'
import type { StudioStore } from '../store/state'
import type { ConnectionEdgeType, FlowNode } from './flow-mapper'
import { applyNodeChanges } from './node-changes'
import { eventFromHandle, slotFromHandle } from './node-geometry'
import { setLastPointer } from './pointer'
import { quickAddSpot } from './view-center'

export function useCanvasHandlers(store: StudioStore, flow: ReactFlowInstance<FlowNode, ConnectionEdgeType>) {
  return useMemo(() => {
    const s = () => store.getState()
    const endsOf = (c: Connection) => {
      const event = eventFromHandle(c.sourceHandle)
      const slot = slotFromHandle(c.targetHandle)
      if (event === undefined || slot === undefined) return undefined
      return { source: { routine: c.source, event }, target: { routine: c.target, slot } }
    }
    const openQuickAddAt = (
      clientX: number,
      clientY: number,
      from?: { routine: string; event?: string; slot?: string },
    ) => {
      s().openQuickAdd({
        screen: quickAddSpot({ x: clientX, y: clientY }),
        flow: flow.screenToFlowPosition({ x: clientX, y: clientY }),
        ...(from && { from }),
      })
    }

    return {
      onNodesChange(changes: NodeChange<FlowNode>[]) {
        applyNodeChanges(store, changes)
      },
      onEdgesChange(changes: EdgeChange<ConnectionEdgeType>[]) {
        const selection = changes.flatMap((c) =>
          c.type === 'select' ? [{ kind: 'connections' as const, id: c.id, selected: c.selected }] : [],
        )
        if (selection.length > 0) s().applySelectionChanges(selection)
      },
      onNodeDragStop() {
        s().endMove()
      },
      isValidConnection(c: Connection | ConnectionEdgeType) {
        const ends = endsOf(c as Connection)
        return ends !== undefined && !hasConnection(s().doc, ends)
      },
      onConnect(c: Connection) {
        const ends = endsOf(c)
        if (ends) s().connectPorts(ends)
      },
      onReconnect(edge: ConnectionEdgeType, c: Connection) {
        const ends = endsOf(c)
        if (ends) s().reconnect(edge.id, ends)
      },
      onConnectStart(_event: unknown, params: OnConnectStartParams) {
        if (!params.nodeId) return
        const event = eventFromHandle(params.handleId)
        const slot = slotFromHandle(params.handleId)
        const taken = new Set<string>()
        for (const c of s().doc.connections) {
          if (event !== undefined && c.source.routine === params.nodeId && c.source.event === event) {
            taken.add(`${c.target.routine}\u0000${c.target.slot}`)
          }
          if (slot !== undefined && c.target.routine === params.nodeId && c.target.slot === slot) {
            taken.add(`${c.source.routine}\u0000${c.source.event}`)
          }
        }
        s().setConnecting({
          routine: params.nodeId,
          ...(event !== undefined && { event }),
          ...(slot !== undefined && { slot }),
          taken,
        })
      },
      onConnectEnd(event: MouseEvent | TouchEvent, state: FinalConnectionState) {
        const from = s().connecting
        s().setConnecting(null)
        if (state.isValid || state.toHandle || state.toNode || !from) return
        const point = 'changedTouches' in event ? event.changedTouches[0] : event
        if (!point) return
        // Dropped on empty canvas (not on a node, not outside the canvas): offer a routine to wire up.
        const hit = document.elementFromPoint(point.clientX, point.clientY)
        if (!hit?.closest('.react-flow__pane, .react-flow__renderer') || hit.closest('.react-flow__node'))
          return
        openQuickAddAt(point.clientX, point.clientY, {
          routine: from.routine,
          ...(from.event !== undefined ? { event: from.event } : { slot: from.slot }),
        })
      },
      onDoubleClick(event: ReactMouseEvent) {
        if (!(event.target as Element).classList.contains('react-flow__pane')) return
        openQuickAddAt(event.clientX, event.clientY)
      },
      onPointerMove(event: { clientX: number; clientY: number }) {
        setLastPointer(event.clientX, event.clientY)
      },
      onMoveEnd(_event: unknown, viewport: { x: number; y: number; zoom: number }) {
        s().setViewport(viewport)
      },
      openQuickAddAt,
    }
  }, [store, flow])
}
