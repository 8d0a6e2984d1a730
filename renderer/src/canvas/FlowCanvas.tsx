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
} from '@xyflow/react'
import { useMemo, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useStudioStore } from '../store/StoreProvider'
import type { StudioState } from '../store/state'
import { useStudio } from '../store/useStudio'
import { ConnectionEdge } from './ConnectionEdge'
import { type ConnectionEdgeType, createFlowMapper, type FlowNode } from './flow-mapper'
import { NoteNode } from './NoteNode'
import { RoutineNode } from './RoutineNode'
import { useCanvasHandlers } from './useCanvasHandlers'
import { useViewportSync } from './useViewportSync'

const nodeTypes = { routine: RoutineNode, note: NoteNode } as const
const edgeTypes = { connection: ConnectionEdge } as const
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control']

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
  useViewportSync(store, flow, ready)

  return (
    <div
      className={`flow-canvas${view.connectingFrom ? ` connecting-from-${view.connectingFrom}` : ''}`}
      onDoubleClick={handlers.onDoubleClick}
      onPointerMove={handlers.onPointerMove}
      data-testid="canvas"
      role="application"
      aria-label="Flow canvas"
    >
      <ReactFlow<FlowNode, ConnectionEdgeType>
        nodes={nodes}
        edges={edges}
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
        onMoveStart={handlers.onMoveStart}
        onMoveEnd={handlers.onMoveEnd}
        connectionMode={ConnectionMode.Strict}
        connectionLineType={ConnectionLineType.Bezier}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionMode={SelectionMode.Partial}
        zoomOnDoubleClick={false}
        minZoom={0.05}
        maxZoom={2.5}
        colorMode={view.theme}
        snapToGrid={false}
        elevateNodesOnSelect={false}
        proOptions={{ hideAttribution: false }}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
        <Controls position="bottom-left" showInteractive={false} />
        {view.minimap && (
          <MiniMap<FlowNode>
            position="bottom-right"
            pannable
            zoomable
            nodeColor={minimapColor}
            nodeStrokeWidth={0}
          />
        )}
      </ReactFlow>
    </div>
  )
}
