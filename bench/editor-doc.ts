/**
 * Large flow documents for the editor benchmark: `n` routines in columns, each wired to one or two
 * routines of the next column (a few skip one), 1.5 connections per routine.
 */
import type { ConnectionSpec, FlowDocument, RoutineSpec } from '../engine/document/types'

/** Routines per column of the generated grid. */
export const COLUMN_HEIGHT = 25
const COLUMN_GAP = 320
const ROW_GAP = 120

/** A document with `n` routines of `type` (one `input` slot, one `output` event) and 1.5n connections. */
export function benchDocument(n: number, type = 'data.transformer'): FlowDocument {
  const routines: RoutineSpec[] = []
  const positions: Record<string, { x: number; y: number }> = {}
  for (let i = 0; i < n; i++) {
    const id = `r${i}`
    routines.push({ id, type, config: {} })
    positions[id] = { x: Math.floor(i / COLUMN_HEIGHT) * COLUMN_GAP, y: (i % COLUMN_HEIGHT) * ROW_GAP }
  }
  const connections: ConnectionSpec[] = []
  const link = (from: number, to: number) => {
    if (to >= n) return
    connections.push({
      id: `c${connections.length}`,
      source: { routine: `r${from}`, event: 'output' },
      target: { routine: `r${to}`, slot: 'input' },
    })
  }
  for (let i = 0; i < n; i++) {
    link(i, i + COLUMN_HEIGHT)
    if (i % 2 === 0) link(i, i + COLUMN_HEIGHT + 1)
  }
  // Top up to 1.5 connections per routine with links that skip a column.
  const wanted = Math.floor(n * 1.5)
  for (let i = 0; connections.length < wanted && i + 2 * COLUMN_HEIGHT < n; i++)
    link(i, i + 2 * COLUMN_HEIGHT)
  return {
    format: 'routilux-flow',
    version: 1,
    id: `bench-${n}`,
    name: `Benchmark ${n}`,
    description: `${n} routines in columns of ${COLUMN_HEIGHT}`,
    execution: { mode: 'sequential' },
    routines,
    connections,
    layout: { positions },
    notes: [],
  }
}
