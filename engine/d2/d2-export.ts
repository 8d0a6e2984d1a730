/**
 * D2 export of a flow document. Styles: `default` (routines as containers of their slots and
 * events, connections event → slot), `compact` (one box per routine, connections labelled
 * `event → slot`), `detailed` (default plus types, config summaries, error strategies, parameters,
 * merge modes, connection labels and execution levels). An optional run overlay colours routines by
 * status and adds counts. Keys and labels are always quoted and escaped; the output is deterministic.
 */

import type { FlowDocument } from '../document/types'
import type { RoutineTypeDescriptor } from '../routines/descriptor'
import { describeErrorHandler, summariseConfig } from './d2-labels'
import {
  buildD2Model,
  type D2Edge,
  type D2Model,
  type D2Port,
  type D2Routine,
  EVENTS_KEY,
  SLOTS_KEY,
  TITLE_KEY,
} from './d2-model'
import { clip, d2Comment, d2String, normalizeLabel } from './d2-text'
import { deliveredCount, overlaySummary, type RunOverlay, routineOverlay, STATUS_COLORS } from './overlay'

/** The export styles. */
export type D2Style = 'default' | 'compact' | 'detailed'
/** Every export style, in the order the UI lists them. */
export const D2_STYLES: readonly D2Style[] = ['default', 'compact', 'detailed']

/** Options of `exportD2`. */
export interface D2ExportOptions {
  readonly style?: D2Style
  /** Routine type descriptors: declared ports, parameters and merge modes. */
  readonly descriptors?: readonly RoutineTypeDescriptor[]
  /** Statuses and counts of a run to draw on top. */
  readonly overlay?: RunOverlay
  /** Layout direction; default `right`. */
  readonly direction?: 'right' | 'down'
}

const COLORS = {
  entry: { fill: '#fff4e6', stroke: '#d97706', width: 3 },
  routine: { fill: '#e8f4f8', stroke: '#2c5aa0', width: 2 },
  placeholder: { fill: '#fde8e8', stroke: '#b91c1c', width: 2 },
  slot: { fill: '#e3f2fd', stroke: '#1976d2' },
  event: { fill: '#fff3e0', stroke: '#f57c00' },
  edge: '#4a5568',
  edgeIdle: '#a0aec0',
} as const

/** Exports a document as D2 source text. */
export function exportD2(doc: FlowDocument, options: D2ExportOptions = {}): string {
  const style = options.style ?? 'default'
  const model = buildD2Model(doc, options.descriptors)
  const out: string[] = []
  header(out, doc, model, style)
  out.push(`direction: ${options.direction ?? 'right'}`, '')
  // D2 refuses a text shape whose label is blank, so fall back to the id, then a fixed word.
  const title = [doc.name, doc.id].find((t) => normalizeLabel(t).trim() !== '') ?? 'flow'
  out.push(`${d2String(TITLE_KEY)}: ${d2String(clip(title, 120))} {`)
  out.push('  shape: text', '  near: top-center', '  style.font-size: 20', '  style.bold: true', '}', '')
  for (const routine of model.routines) routineBlock(out, routine, doc, style, options.overlay)
  if (model.edges.length > 0) out.push('# Connections')
  for (const edge of model.edges) edgeLine(out, edge, style, options.overlay)
  if (model.edges.length > 0) out.push('')
  for (const c of model.skipped) {
    out.push(
      d2Comment(`not drawn: connection ${JSON.stringify(c.id)} joins a routine or port that does not exist`),
    )
  }
  if (style === 'detailed' && model.levels.length > 1) {
    out.push('# Execution levels')
    model.levels.forEach((level, i) => {
      out.push(d2Comment(`level ${i}: ${level.map((id) => JSON.stringify(id)).join(', ')}`))
    })
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop()
  return `${out.join('\n')}\n`
}

function header(out: string[], doc: FlowDocument, model: D2Model, style: D2Style): void {
  out.push(d2Comment(`Routilux flow ${JSON.stringify(doc.name)} (id ${JSON.stringify(doc.id)})`))
  const e = doc.execution
  const workers = e.maxWorkers !== undefined ? `, ${e.maxWorkers} workers` : ''
  out.push(
    d2Comment(
      `${doc.routines.length} routines, ${doc.connections.length} connections, ${e.mode} execution${workers}`,
    ),
  )
  if (style === 'detailed') {
    const entries = model.routines.filter((r) => r.entry).map((r) => JSON.stringify(r.spec.id))
    out.push(d2Comment(`entry points: ${entries.length > 0 ? entries.join(', ') : 'none'}`))
    out.push(d2Comment(`flow error strategy: ${describeErrorHandler(e.errorHandler)}`))
    if (e.handlerTimeoutMs !== undefined) out.push(d2Comment(`handler timeout: ${e.handlerTimeoutMs} ms`))
  }
  out.push('')
}

function routineBlock(
  out: string[],
  r: D2Routine,
  doc: FlowDocument,
  style: D2Style,
  overlay: RunOverlay | undefined,
): void {
  const lines = [clip(r.spec.title ?? r.spec.id, 80)]
  if (style === 'detailed') {
    lines.push(clip(r.spec.type, 80))
    if (r.spec.title !== undefined && r.spec.title !== r.spec.id) lines.push(`id: ${clip(r.spec.id, 60)}`)
    const config = summariseConfig(r.spec.config)
    if (config) lines.push(config)
    const own = r.spec.errorHandler
    lines.push(
      `on error: ${own ? describeErrorHandler(own) : doc.execution.errorHandler ? `${describeErrorHandler(doc.execution.errorHandler)} (flow)` : 'stop (default)'}`,
    )
  }
  if (!r.descriptor && style !== 'compact') lines.push('unknown type')
  if (r.entry) lines.push('entry point')
  const run = routineOverlay(overlay, r.spec.id)
  if (run) lines.push(overlaySummary(run))

  const colors = run
    ? { ...STATUS_COLORS[run.status], width: r.entry ? 3 : 2 }
    : r.entry
      ? COLORS.entry
      : COLORS.routine
  out.push(`${d2String(r.key)}: ${d2String(lines.join('\n'))} {`)
  out.push(
    '  style: {',
    `    fill: "${colors.fill}"`,
    `    stroke: "${colors.stroke}"`,
    `    stroke-width: ${colors.width}`,
  )
  if (!r.descriptor) out.push('    stroke-dash: 4')
  out.push('  }')
  if (style !== 'compact') {
    portGroup(out, SLOTS_KEY, r.slots, style, COLORS.slot)
    portGroup(out, EVENTS_KEY, r.events, style, COLORS.event)
  }
  out.push('}', '')
}

function portGroup(
  out: string[],
  key: string,
  ports: readonly D2Port[],
  style: D2Style,
  colors: { fill: string; stroke: string },
): void {
  if (ports.length === 0) return
  out.push(`  ${d2String(key)}: {`)
  for (const port of ports) {
    const lines = [clip(port.name, 60)]
    if (style === 'detailed') {
      if (port.params.length > 0) {
        const shown = port.params.slice(0, 3).join(', ')
        lines.push(`(${clip(shown, 60)}${port.params.length > 3 ? ', …' : ''})`)
      }
      if (port.merge === 'append' || port.merge === 'custom') lines.push(`[${port.merge}]`)
    }
    if (port.undeclared) lines.push('(undeclared)')
    out.push(`    ${d2String(port.key)}: ${d2String(lines.join('\n'))} {`)
    out.push(`      style.fill: "${port.undeclared ? COLORS.placeholder.fill : colors.fill}"`)
    out.push(`      style.stroke: "${port.undeclared ? COLORS.placeholder.stroke : colors.stroke}"`)
    out.push('    }')
  }
  out.push('  }')
}

function edgeLine(out: string[], edge: D2Edge, style: D2Style, overlay: RunOverlay | undefined): void {
  const from =
    style === 'compact'
      ? d2String(edge.from.key)
      : [edge.from.key, EVENTS_KEY, edge.event.key].map(d2String).join('.')
  const to =
    style === 'compact'
      ? d2String(edge.to.key)
      : [edge.to.key, SLOTS_KEY, edge.slot.key].map(d2String).join('.')
  const parts: string[] = []
  if (style !== 'default') parts.push(`${clip(edge.event.name, 40)} → ${clip(edge.slot.name, 40)}`)
  const delivered = deliveredCount(overlay, edge.connection.id)
  if (delivered !== undefined) parts.push(`${delivered} delivered`)
  const label = parts.length > 0 ? `: ${d2String(parts.join('\n'))}` : ''
  const stroke = delivered === 0 ? COLORS.edgeIdle : COLORS.edge
  const width = delivered !== undefined && delivered > 0 ? 3 : 2
  out.push(`${from} -> ${to}${label} {`)
  out.push(`  style.stroke: "${stroke}"`, `  style.stroke-width: ${width}`)
  if (delivered === 0) out.push('  style.stroke-dash: 3')
  out.push('}')
}
