/**
 * The ELK graph of a flow: one node per routine with its real size, slots as fixed ports on the west
 * side and events on the east, exactly where the canvas draws the handles (port-aware layering).
 */
import type { ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api'
import type { FlowDocument } from '../../../engine/document/types'
import type { RoutineTypeDescriptor } from '../../../engine/routines/descriptor'
import { HANDLE_SIZE, NODE_WIDTH, portOffsetY, routineNodeHeight } from '../canvas/node-geometry'
import { portViews, referencedPorts } from '../canvas/ports'

export const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.spacing.nodeNode': '36',
  'elk.spacing.componentComponent': '60',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.portConstraints': 'FIXED_POS',
} as const

const portId = (routine: string, kind: 's' | 'e', name: string) => `${routine}\u0000${kind}\u0000${name}`

/** The ELK graph of the given routines (all when `only` is absent) and the connections among them. */
export function buildElkGraph(
  doc: FlowDocument,
  descriptors: ReadonlyMap<string, RoutineTypeDescriptor>,
  only?: ReadonlySet<string>,
): ElkNode {
  const referenced = referencedPorts(doc.connections)
  const included = doc.routines.filter((r) => !only || only.has(r.id))
  const ids = new Set(included.map((r) => r.id))
  const half = HANDLE_SIZE / 2
  const children: ElkNode[] = included.map((routine) => {
    const { slots, events } = portViews(routine, descriptors.get(routine.type), referenced)
    const ports: ElkPort[] = [
      ...slots.map((s, i) => ({
        id: portId(routine.id, 's', s.name),
        x: -half,
        y: portOffsetY(i) - half,
        width: HANDLE_SIZE,
        height: HANDLE_SIZE,
        layoutOptions: { 'elk.port.side': 'WEST' },
      })),
      ...events.map((e, i) => ({
        id: portId(routine.id, 'e', e.name),
        x: NODE_WIDTH - half,
        y: portOffsetY(i) - half,
        width: HANDLE_SIZE,
        height: HANDLE_SIZE,
        layoutOptions: { 'elk.port.side': 'EAST' },
      })),
    ]
    return {
      id: routine.id,
      width: NODE_WIDTH,
      height: routineNodeHeight(slots.length, events.length),
      ports,
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
    }
  })
  const edges: ElkExtendedEdge[] = doc.connections
    .filter((c) => ids.has(c.source.routine) && ids.has(c.target.routine))
    .map((c) => ({
      id: c.id,
      sources: [portId(c.source.routine, 'e', c.source.event)],
      targets: [portId(c.target.routine, 's', c.target.slot)],
    }))
  return { id: 'root', layoutOptions: { ...LAYOUT_OPTIONS }, children, edges }
}
