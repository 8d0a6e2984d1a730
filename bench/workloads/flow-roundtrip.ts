/**
 * Workload (e), flow half: save and load the 100-routine / 150-connection flow of workloads.md as a
 * document (`saveDocument` → `parseDocument`, which parses, guards, migrates, validates against the
 * JSON Schema and the routine descriptors, and canonicalises), then build the engine `Flow` from it.
 * Reports how many connections keep their exact endpoints (Python keeps 1 of 150).
 */
import {
  buildFlow,
  createDocument,
  type FlowDocument,
  parseDocument,
  type RoutineDefinition,
  RoutineRegistry,
  saveDocument,
} from '../../engine'
import { ms, num } from '../lib/format'
import { medianOf, repeat } from '../lib/stats'
import { type BenchOptions, reps, type WorkloadReport } from './types'

/** Python's figures for this flow (python-baseline.md, run 3 detail). */
const PYTHON_FLOW = { roundtripMs: 13.676, bytes: 53_819, exact: 1 / 150 }

const ROUTINES = 100

/** Routine types with the ports of BenchSource and BenchRelay; building never runs them. */
const definitions: RoutineDefinition[] = [
  {
    id: 'bench.source',
    title: 'BenchSource',
    category: 'bench',
    description: 'Emits count events on out.',
    slots: [{ name: 'trigger', handler: () => undefined }],
    events: [{ name: 'out', params: ['seq', 'value'] }],
  },
  {
    id: 'bench.relay',
    title: 'BenchRelay',
    category: 'bench',
    description: 'Re-emits with value + 1.',
    slots: [{ name: 'in', handler: () => undefined }],
    events: [{ name: 'out', params: ['seq', 'value'] }],
  },
]

/** The `serflow` flow of workloads.md (e): a chain r000 → … → r099 plus skip edges r[i] → r[i+2], i ≤ 50. */
export function serflowDocument(): FlowDocument {
  const doc = createDocument('serflow')
  const id = (i: number) => `r${String(i).padStart(3, '0')}`
  for (let i = 0; i < ROUTINES; i++) {
    doc.routines.push({ id: id(i), type: i === 0 ? 'bench.source' : 'bench.relay', config: {} })
    doc.layout.positions[id(i)] = { x: i * 300, y: (i % 2) * 180 }
  }
  const link = (from: number, to: number) =>
    doc.connections.push({
      id: `c${doc.connections.length + 1}`,
      source: { routine: id(from), event: 'out' },
      target: { routine: id(to), slot: 'in' },
    })
  for (let i = 0; i <= 98; i++) link(i, i + 1)
  for (let i = 0; i <= 50; i++) link(i, i + 2)
  return doc
}

/** Runs the flow half of workload (e). */
export async function flowRoundtripWorkload(options: BenchOptions): Promise<WorkloadReport> {
  options.log('(e) flow document round trip')
  const registry = new RoutineRegistry(definitions)
  const descriptors = registry.describe()
  const original = serflowDocument()
  let text = ''
  let exact = 0
  let routines = 0
  const steps = await repeat(reps(options, 15), async () => {
    const t0 = performance.now()
    text = saveDocument(original)
    const t1 = performance.now()
    const loaded = parseDocument(text, { descriptors })
    const t2 = performance.now()
    if (!loaded.ok || !loaded.document) throw new Error(`flow round trip: ${JSON.stringify(loaded.problems)}`)
    const built = buildFlow(loaded.document, { registry })
    const t3 = performance.now()
    if (!built.ok) throw new Error(`flow build: ${JSON.stringify(built.problems)}`)
    routines = built.flow.routines.size
    exact = original.connections.filter((c, i) => {
      const got = built.flow.connections[i]
      return (
        got !== undefined &&
        got.sourceId === c.source.routine &&
        got.event === c.source.event &&
        got.targetId === c.target.routine &&
        got.slot === c.target.slot
      )
    }).length
    return { save: t1 - t0, load: t2 - t1, build: t3 - t2, roundtrip: t2 - t0 }
  })
  const m = (pick: (s: (typeof steps)[number]) => number) => medianOf(steps, pick).median
  const compact = Buffer.byteLength(JSON.stringify(JSON.parse(text)), 'utf8')
  const total = original.connections.length
  return {
    id: 'e-flow',
    title: '(e) Serialization, flow document',
    tables: [
      {
        title: '(e) Serialization: 100 routines / 150 connections as a document (save → load), then build',
        columns: [
          'object',
          'save ms',
          'load ms',
          'round trip ms',
          'Python round trip ms',
          'build Flow ms',
          'file bytes (indented)',
          'compact bytes',
          'Python bytes',
          'connections exact',
        ],
        rows: [
          [
            'flow_100r_150c',
            ms(m((s) => s.save)),
            ms(m((s) => s.load)),
            ms(m((s) => s.roundtrip)),
            ms(PYTHON_FLOW.roundtripMs),
            ms(m((s) => s.build)),
            num(Buffer.byteLength(text, 'utf8')),
            num(compact),
            num(PYTHON_FLOW.bytes),
            `${exact}/${total}`,
          ],
        ],
      },
    ],
    notes: [
      `Load = parse, size/depth/prototype-key guard, migration, JSON Schema validation, semantic checks against the routine descriptors, canonical form. ${routines} routines and ${exact} of ${total} connections were restored with their exact endpoints (Python: 1 of 150); this port does not copy Python's rebind-by-name defect.`,
      'Round trip is save + load of the document (the file format); building the engine Flow from the loaded document is measured separately.',
    ],
    json: {
      roundtrip_ms: m((s) => s.roundtrip),
      roundtrip_connections_exact: exact / total,
      roundtrip_build_ms: m((s) => s.build),
      roundtrip_bytes: Buffer.byteLength(text, 'utf8'),
    },
    headline: [
      {
        metric: '(e) flow 100r/150c: save + load ms',
        python: ms(PYTHON_FLOW.roundtripMs),
        ours: ms(m((s) => s.roundtrip)),
      },
      {
        metric: '(e) flow 100r/150c: connections exact',
        python: `${Math.round(PYTHON_FLOW.exact * total)}/${total}`,
        ours: `${exact}/${total}`,
      },
    ],
  }
}
