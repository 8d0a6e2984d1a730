/**
 * The picture the low-detail layer draws for large flows while the view moves: one rectangle per
 * routine and note, one curve per connection, all in flow coordinates. Pure, built from the same
 * mapped nodes and edges React Flow draws, so both pictures line up.
 */
import { getBezierPath, Position } from '@xyflow/react'
import type { ConnectionEdgeType, FlowNode } from './flow-mapper'
import { NODE_WIDTH, portOffsetY } from './node-geometry'

export interface SceneBox {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  readonly color: string
  readonly title: string
  readonly selected: boolean
  readonly problem: 'error' | 'warning' | undefined
  readonly note: boolean
}

export interface SceneEdge {
  /** SVG path data (cubic bezier), the same curve React Flow draws. */
  readonly path: string
  readonly selected: boolean
}

export interface LodScene {
  readonly boxes: readonly SceneBox[]
  readonly edges: readonly SceneEdge[]
}

/** The scene for the mapped nodes and edges. */
export function buildLodScene(nodes: readonly FlowNode[], edges: readonly ConnectionEdgeType[]): LodScene {
  const byId = new Map<string, FlowNode>()
  const boxes: SceneBox[] = []
  for (const node of nodes) {
    byId.set(node.id, node)
    const width = node.width ?? NODE_WIDTH
    const height = node.height ?? 0
    if (node.type === 'note') {
      boxes.push({
        ...node.position,
        width,
        height,
        color: node.data.note.color ?? '',
        title: '',
        selected: node.selected === true,
        problem: undefined,
        note: true,
      })
    } else {
      boxes.push({
        ...node.position,
        width,
        height,
        color: node.data.color,
        title: node.data.routine.title ?? node.data.typeTitle,
        selected: node.selected === true,
        problem: node.data.problem,
        note: false,
      })
    }
  }
  const scene: SceneEdge[] = []
  for (const edge of edges) {
    const source = byId.get(edge.source)
    const target = byId.get(edge.target)
    if (source?.type !== 'routine' || target?.type !== 'routine') continue
    const event = source.data.events.findIndex((e) => `e:${e.name}` === edge.sourceHandle)
    const slot = target.data.slots.findIndex((s) => `s:${s.name}` === edge.targetHandle)
    if (event < 0 || slot < 0) continue
    const [path] = getBezierPath({
      sourceX: source.position.x + (source.width ?? NODE_WIDTH),
      sourceY: source.position.y + portOffsetY(event),
      sourcePosition: Position.Right,
      targetX: target.position.x,
      targetY: target.position.y + portOffsetY(slot),
      targetPosition: Position.Left,
    })
    scene.push({ path, selected: edge.selected === true })
  }
  return { boxes, edges: scene }
}
