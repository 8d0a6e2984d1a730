/**
 * A canvas that stands in for parts of a large flow when it is zoomed far out: its connections
 * always (React Flow then draws none — thousands of SVG curves are what makes big canvases lag), and
 * its routines too while the view pans or zooms (the DOM nodes stay, unpainted, and come back when
 * the view rests, ready to be clicked and dragged).
 */
import { type ReactFlowState, useStore } from '@xyflow/react'
import { useLayoutEffect, useRef } from 'react'
import type { ConnectionEdgeType, FlowNode } from './flow-mapper'
import { buildLodScene, type LodScene } from './lod-scene'

/** `off`: nothing; `edges`: connections only (under the DOM nodes); `all`: routines and connections. */
export type LayerMode = 'off' | 'edges' | 'all'

interface Picture {
  readonly scene: LodScene
  readonly paths: { readonly all: Path2D; readonly selected: Path2D }
}

function drawable(scene: LodScene): Picture {
  const all = new Path2D()
  const selected = new Path2D()
  for (const e of scene.edges) (e.selected ? selected : all).addPath(new Path2D(e.path))
  return { scene, paths: { all, selected } }
}

const selectTransform = (s: ReactFlowState) => s.transform
const idle = () => null
const TITLE_MIN_PX = 7

interface LowDetailLayerProps {
  readonly mode: LayerMode
  readonly nodes: readonly FlowNode[]
  readonly edges: readonly ConnectionEdgeType[]
}

export function LowDetailLayer({ mode, nodes, edges }: LowDetailLayerProps) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const active = mode !== 'off'
  const transform = useStore(active ? selectTransform : idle)
  // Rebuilt only when the flow changed, not on every pan or zoom.
  const cache = useRef<{
    nodes: readonly FlowNode[]
    edges: readonly ConnectionEdgeType[]
    picture: Picture
  } | null>(null)
  let picture: Picture | null = null
  if (active) {
    const cached = cache.current
    if (cached && cached.nodes === nodes && cached.edges === edges) picture = cached.picture
    else {
      picture = drawable(buildLodScene(nodes, edges))
      cache.current = { nodes, edges, picture }
    }
  }

  useLayoutEffect(() => {
    const el = canvas.current
    const ctx = el?.getContext('2d')
    if (!el || !ctx || !picture || !transform) return
    const dpr = window.devicePixelRatio || 1
    if (el.width !== el.clientWidth * dpr || el.height !== el.clientHeight * dpr) {
      el.width = el.clientWidth * dpr
      el.height = el.clientHeight * dpr
    }
    const [x, y, zoom] = transform
    ctx.setTransform(1, 0, 0, 1, 0, 0)
    ctx.clearRect(0, 0, el.width, el.height)
    ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * x, dpr * y)
    const style = getComputedStyle(el)
    drawEdges(ctx, picture, zoom, style)
    if (mode === 'all') drawBoxes(ctx, picture, zoom, style)
  }, [picture, transform, mode])

  return (
    <canvas
      ref={canvas}
      className={`low-detail-layer ${mode}`}
      hidden={!active}
      data-edges={picture?.scene.edges.length ?? 0}
      aria-hidden
    />
  )
}

function drawEdges(
  ctx: CanvasRenderingContext2D,
  { paths }: Picture,
  zoom: number,
  style: CSSStyleDeclaration,
): void {
  ctx.lineWidth = 1.5 / zoom
  ctx.strokeStyle = style.getPropertyValue('--edge')
  ctx.stroke(paths.all)
  ctx.lineWidth = 3 / zoom
  ctx.strokeStyle = style.getPropertyValue('--edge-selected')
  ctx.stroke(paths.selected)
}

function drawBoxes(
  ctx: CanvasRenderingContext2D,
  { scene }: Picture,
  zoom: number,
  style: CSSStyleDeclaration,
): void {
  const nodeBg = style.getPropertyValue('--node-bg')
  const noteBg = style.getPropertyValue('--note-bg')
  const border = style.getPropertyValue('--border-strong')
  const accent = style.getPropertyValue('--accent-strong')
  const danger = style.getPropertyValue('--danger')
  const text = style.getPropertyValue('--text')
  const showTitles = 22 * zoom >= TITLE_MIN_PX
  ctx.font = '600 22px system-ui, sans-serif'
  ctx.textBaseline = 'top'
  for (const b of scene.boxes) {
    ctx.fillStyle = b.note ? b.color || noteBg : nodeBg
    ctx.fillRect(b.x, b.y, b.width, b.height)
    if (!b.note) {
      ctx.fillStyle = b.color
      ctx.fillRect(b.x, b.y, b.width, 6)
    }
    ctx.strokeStyle = b.selected ? accent : b.problem === 'error' ? danger : border
    ctx.lineWidth = (b.selected || b.problem ? 3 : 1) / zoom
    ctx.strokeRect(b.x, b.y, b.width, b.height)
    if (showTitles && b.title) {
      ctx.fillStyle = text
      ctx.fillText(b.title, b.x + 10, b.y + 14, b.width - 20)
    }
  }
}
