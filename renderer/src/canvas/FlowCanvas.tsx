/** The canvas: React Flow fed by the pure mappers, gestures turned into store actions. */
import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  SelectionMode,
  useReactFlow,
  useStore,
} from '@xyflow/react'
import { useCallback, useMemo, useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useStudioStore } from '../store/StoreProvider'
import type { StudioState } from '../store/state'
import { useStudio } from '../store/useStudio'
import { ConnectionEdge } from './ConnectionEdge'
import { type ConnectionEdgeType, createFlowMapper, type FlowNode } from './flow-mapper'
import { DetailContext } from './LowDetailContext'
import { LowDetailLayer } from './LowDetailLayer'
import { NoteNode } from './NoteNode'
import { nudgeCommandFor } from './node-keys'
import { RoutineNode } from './RoutineNode'
import { releaseFieldFocus } from './release-focus'
import { selectLowDetail } from './selectors'
import { useCanvasHandlers } from './useCanvasHandlers'
import { useRemeasureHandles } from './useRemeasureHandles'
import { useViewportSync } from './useViewportSync'
import { ZoomHint } from './ZoomHint'

const nodeTypes = { routine: RoutineNode, note: NoteNode } as const
const edgeTypes = { connection: ConnectionEdge } as const
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control']
/**
 * From this many routines on, the canvas draws only what is in view, and while the view moves far
 * zoomed out a canvas picture stands in for the DOM (see LowDetailLayer).
 */
export const LARGE_FLOW = 250
const NO_EDGES: ConnectionEdgeType[] = []
const NO_NODES: FlowNode[] = []
const MIN_ZOOM = 0.01

const selectMapInput = (s: StudioState) => ({
  doc: s.doc,
  descriptors: s.descriptors,
  problems: s.problemIndex,
  selection: s.selection,
})
const selectView = (s: StudioState) => ({
  theme: s.theme,
  minimap: s.panels.minimap,
  connectingFrom: s.connecting ? (s.connecting.event !== undefined ? 'event' : 'slot') : null,
})

function minimapColor(node: FlowNode): string {
  if (node.type === 'note') return 'var(--note-bg)'
  return node.data.problem === 'error' ? 'var(--danger)' : node.data.color
}

export function FlowCanvas() {
  const store = useStudioStore()
  const flow = useReactFlow<FlowNode, ConnectionEdgeType>()
  const [ready, setReady] = useState(false)
  const mapper = useMemo(createFlowMapper, [])
  const input = useStudio(useShallow(selectMapInput))
  const view = useStudio(useShallow(selectView))
  const nodes = useMemo(() => mapper.nodes(input), [mapper, input])
  const edges = useMemo(() => mapper.edges(input), [mapper, input])
  const handlers = useCanvasHandlers(store, flow)
  const viewportReady = useViewportSync(store, flow, ready, nodes, MIN_ZOOM)
  const lowDetail = useStore(selectLowDetail)
  const [moving, setMoving] = useState(false)
  const large = input.doc.routines.length >= LARGE_FLOW
  // An empty flow has nothing to map; the empty state's card stands where the minimap would.
  const empty = input.doc.routines.length === 0 && input.doc.notes.length === 0
  const onMoveStart = useCallback(() => setMoving(true), [])
  const { onMoveEnd: storeViewport } = handlers
  const onMoveEnd = useCallback(
    (event: MouseEvent | TouchEvent | null, viewport: { x: number; y: number; zoom: number }) => {
      setMoving(false)
      storeViewport(event, viewport)
    },
    [storeViewport],
  )
  const detail = lowDetail ? (large ? 'minimal' : 'low') : 'full'
  const root = useRef<HTMLDivElement>(null)
  useRemeasureHandles(detail, root)
  const lodCanvas = large && lowDetail && moving
  // Far out in a large flow, connections are drawn on the canvas layer instead of as SVG.
  const edgesOnCanvas = large && lowDetail
  const classes = [
    'flow-canvas',
    view.connectingFrom && `connecting-from-${view.connectingFrom}`,
    moving && 'moving',
    large && 'large',
    lowDetail && 'low-detail',
    lodCanvas && 'lod-canvas',
  ]
    .filter(Boolean)
    .join(' ')

  return (
    <div
      ref={root}
      className={classes}
      onDoubleClick={handlers.onDoubleClick}
      onPointerMove={handlers.onPointerMove}
      onPointerDownCapture={(e) => releaseFieldFocus(e.target)}
      onKeyDownCapture={(e) => {
        const command = nudgeCommandFor(e)
        if (!command) return
        e.stopPropagation()
        e.preventDefault()
        store.getState().dispatchCommand(command)
      }}
      data-testid="canvas"
      role="application"
      aria-label="Flow canvas"
    >
      <DetailContext.Provider value={detail}>
        <ReactFlow<FlowNode, ConnectionEdgeType>
          nodes={viewportReady ? nodes : NO_NODES}
          edges={edgesOnCanvas || !viewportReady ? NO_EDGES : edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onInit={() => setReady(true)}
          onNodesChange={handlers.onNodesChange}
          onEdgesChange={handlers.onEdgesChange}
          onNodeDragStop={handlers.onNodeDragStop}
          onConnect={handlers.onConnect}
          onConnectStart={handlers.onConnectStart}
          onConnectEnd={handlers.onConnectEnd}
          onReconnect={handlers.onReconnect}
          isValidConnection={handlers.isValidConnection}
          onMoveStart={onMoveStart}
          onMoveEnd={onMoveEnd}
          onlyRenderVisibleElements={large}
          connectionMode={ConnectionMode.Strict}
          connectionLineType={ConnectionLineType.Bezier}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          selectionMode={SelectionMode.Partial}
          zoomOnDoubleClick={false}
          minZoom={MIN_ZOOM}
          maxZoom={2.5}
          colorMode={view.theme}
          snapToGrid={false}
          elevateNodesOnSelect={false}
          proOptions={{ hideAttribution: false }}
        >
          <LowDetailLayer
            mode={lodCanvas ? 'all' : edgesOnCanvas ? 'edges' : 'off'}
            nodes={viewportReady ? nodes : NO_NODES}
            edges={edges}
          />
          {edgesOnCanvas && !moving && <ZoomHint />}
          <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
          <Controls position="bottom-left" showInteractive={false} />
          {view.minimap && !empty && (
            <MiniMap<FlowNode>
              position="bottom-right"
              pannable
              zoomable
              nodeColor={minimapColor}
              nodeStrokeWidth={0}
            />
          )}
        </ReactFlow>
      </DetailContext.Provider>
    </div>
  )
}
