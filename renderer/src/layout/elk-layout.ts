/** Auto-layout with ELK (layered, port-aware) for the whole flow or a selection. */
import type ELK from 'elkjs/lib/elk.bundled.js'
import type { FlowDocument, Point } from '../../../engine/document/types'
import type { RoutineTypeDescriptor } from '../../../engine/routines/descriptor'
import { buildElkGraph } from './elk-graph'

let elk: InstanceType<typeof ELK> | undefined
let loading: Promise<InstanceType<typeof ELK>> | undefined

/** Loads ELK (most of the bundle, needed only for auto-layout); call early to make the first layout quick. */
export function loadLayoutEngine(): Promise<InstanceType<typeof ELK>> {
  loading ??= import('elkjs/lib/elk.bundled.js').then(({ default: Elk }) => {
    elk = new Elk()
    return elk
  })
  return loading
}

/**
 * New top-left positions for the routines in `only` (or all). A selection keeps its top-left corner
 * where it was, so laying out part of a flow does not throw it across the canvas.
 */
export async function computeLayout(
  doc: FlowDocument,
  descriptors: ReadonlyMap<string, RoutineTypeDescriptor>,
  only?: ReadonlySet<string>,
): Promise<Record<string, Point>> {
  const engine = elk ?? (await loadLayoutEngine())
  const graph = await engine.layout(buildElkGraph(doc, descriptors, only))
  const out: Record<string, Point> = {}
  for (const child of graph.children ?? []) out[child.id] = { x: child.x ?? 0, y: child.y ?? 0 }
  const ids = Object.keys(out)
  if (ids.length === 0) return out
  const anchor = only ? topLeft(ids.map((id) => doc.layout.positions[id] ?? { x: 0, y: 0 })) : { x: 0, y: 0 }
  const current = topLeft(Object.values(out))
  for (const id of ids) {
    const p = out[id] as Point
    out[id] = { x: Math.round(p.x - current.x + anchor.x), y: Math.round(p.y - current.y + anchor.y) }
  }
  return out
}

function topLeft(points: readonly Point[]): Point {
  return { x: Math.min(...points.map((p) => p.x)), y: Math.min(...points.map((p) => p.y)) }
}
