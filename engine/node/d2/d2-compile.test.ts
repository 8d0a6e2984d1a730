/**
 * The D2 export against the real compiler: fixed documents in every style, SVG rendering, and a
 * property test with hostile ids, names and labels proving every export compiles and every
 * connection lands on the right port shapes.
 *
 * The property test compiles its flows in batches: each export is one file, imported unchanged as a
 * layer of one entry file, and each layer is a board of its own (laid out and checked as if compiled
 * alone) — several times cheaper than a compiler call per flow. `D2_PROPERTY_RUNS` sets how many
 * flows are generated (default 120; a long run: `D2_PROPERTY_RUNS=5000 npx vitest run engine/node/d2`).
 */

import type { Diagram } from '@terrastruct/d2'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { D2_STYLES, type D2Style, exportD2 } from '../../d2/d2-export'
import { buildD2Model } from '../../d2/d2-model'
import { clip, normalizeLabel } from '../../d2/d2-text'
import type { RunOverlay } from '../../d2/overlay'
import { createDocument } from '../../document/save'
import { orderPipeline, testDescriptor, testDescriptors } from '../../document/test-fixtures'
import type { FlowDocument } from '../../document/types'
import type { RoutineTypeDescriptor } from '../../routines/descriptor'
import type { RoutineStatus } from '../../types'
import { D2Renderer } from './d2-renderer'

const renderer = new D2Renderer()
afterAll(() => renderer.dispose())

/** Generated flows in the property test, and how many share one compiler call. */
const RUNS = Number(process.env.D2_PROPERTY_RUNS ?? 120)
const BATCH = 12

const PIECES = [
  '.',
  ' ',
  '"',
  "'",
  '\\',
  '\n',
  '\r\n',
  '\t',
  '->',
  '<-',
  '--',
  '<->',
  '{',
  '}',
  '{}',
  '|',
  '||',
  '#',
  '$',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal D2 substitution is a hostile input
  '${x}',
  '...',
  '...@x',
  '@',
  ':',
  ';',
  '*',
  '**',
  '_',
  '&',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '`',
  '~',
  'shape',
  'style',
  'label',
  'near',
  'direction',
  'vars',
  'layers',
  'classes',
  'class',
  'icon',
  'width',
  'null',
  'top',
  'link',
  'Shape',
  'STYLE',
  'é',
  '漢字',
  '🙂',
  '\u0000',
  '\u0007',
  '\u007f',
  '\u2028',
  '\ud800',
  'a',
  'b',
  'x',
]
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3, unit: 'binary' })), {
    minLength: 1,
    maxLength: 4,
  })
  .map((parts) => parts.join(''))
  .filter((s) => s.length > 0 && s.length <= 200 && !['__proto__', 'constructor', 'prototype'].includes(s))

const STATUSES: RoutineStatus[] = ['idle', 'running', 'completed', 'failed', 'skipped', 'error_continued']

interface Case {
  doc: FlowDocument
  descriptors: RoutineTypeDescriptor[]
  style: D2Style
  overlay?: RunOverlay
}

const flowCase: fc.Arbitrary<Case> = fc
  .record({
    routines: fc.uniqueArray(
      fc.record({
        id: hostile,
        title: fc.option(hostile, { nil: undefined }),
        type: hostile,
        slots: fc.uniqueArray(hostile, { minLength: 1, maxLength: 2 }),
        events: fc.uniqueArray(hostile, { minLength: 1, maxLength: 2 }),
        configKey: hostile,
        configValue: hostile,
        status: fc.constantFrom(...STATUSES),
      }),
      { minLength: 1, maxLength: 3, selector: (r) => r.id },
    ),
    links: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat(), hostile, fc.nat({ max: 20 })), {
      maxLength: 5,
    }),
    name: hostile,
    style: fc.constantFrom(...D2_STYLES),
    withOverlay: fc.boolean(),
    withDescriptors: fc.boolean(),
  })
  .map(({ routines, links, name, style, withOverlay, withDescriptors }) => {
    const doc = createDocument('generated', name)
    const descriptors: RoutineTypeDescriptor[] = []
    routines.forEach((r, i) => {
      const type = `${r.type}#${i}`
      doc.routines.push({
        id: r.id,
        type,
        config: { [r.configKey]: r.configValue },
        ...(r.title !== undefined && { title: r.title }),
      })
      descriptors.push(
        testDescriptor(
          type,
          r.slots,
          r.events.map((e) => [e, [e, 'p']]),
        ),
      )
    })
    const connectionIds = new Set<string>()
    for (const [a, e, b, s, id, delivered] of links) {
      const from = routines[a % routines.length]
      const to = routines[b % routines.length]
      if (!from || !to || connectionIds.has(id)) continue
      connectionIds.add(id)
      doc.connections.push({
        id,
        source: { routine: from.id, event: from.events[e % from.events.length] as string },
        target: { routine: to.id, slot: to.slots[s % to.slots.length] as string },
      })
      void delivered
    }
    const overlay: RunOverlay | undefined = withOverlay
      ? {
          routines: Object.fromEntries(routines.map((r) => [r.id, { status: r.status, runs: 2, errors: 1 }])),
          connections: Object.fromEntries(links.map(([, , , , id, delivered]) => [id, { delivered }])),
        }
      : undefined
    return { doc, descriptors: withDescriptors ? descriptors : [], style, ...(overlay && { overlay }) }
  })

function exportCase({ doc, descriptors, style, overlay }: Case): string {
  return exportD2(doc, { style, descriptors, ...(overlay && { overlay }) })
}

/** Checks a compiled diagram against the export model: shapes carry the labels, edges join the right ports. */
function expectFaithful(diagram: Diagram, { doc, descriptors, style }: Case): void {
  const model = buildD2Model(doc, descriptors)
  const shapes = new Map(diagram.shapes.map((s) => [s.id, (s as { label?: string }).label]))
  for (const r of model.routines) {
    expect(shapes.get(r.key)?.startsWith(normalizeLabel(clip(r.spec.title ?? r.spec.id, 80)))).toBe(true)
    if (style === 'compact') continue
    for (const [group, ports] of [
      ['slots', r.slots],
      ['events', r.events],
    ] as const) {
      for (const p of ports) {
        expect(shapes.get(`${r.key}.${group}.${p.key}`)?.startsWith(normalizeLabel(clip(p.name, 60)))).toBe(
          true,
        )
      }
    }
  }
  const expected = model.edges.map((e) =>
    style === 'compact'
      ? `${e.from.key} -> ${e.to.key}`
      : `${e.from.key}.events.${e.event.key} -> ${e.to.key}.slots.${e.slot.key}`,
  )
  // As a multiset: a board compiled as a layer lists its connections in another order.
  expect(diagram.connections.map((c) => `${c.src} -> ${c.dst}`).sort()).toEqual(expected.sort())
}

/** Compiles every case's export as an unchanged file, imported as a layer of one entry, and checks each layer. */
async function expectBatchCompilesFaithfully(cases: readonly Case[]): Promise<void> {
  const files: Record<string, string> = {}
  const entry: string[] = ['layers: {']
  cases.forEach((c, i) => {
    files[`flow${i}.d2`] = exportCase(c)
    entry.push(`  flow${i}: @flow${i}`)
  })
  files.index = `${entry.join('\n')}\n}\n`
  const { diagram } = await renderer.compileFiles(files)
  const layers = new Map((diagram.layers ?? []).map((layer) => [layer?.name, layer]))
  expect(layers.size).toBe(cases.length)
  cases.forEach((c, i) => {
    const layer = layers.get(`flow${i}`)
    expect(layer, `layer flow${i}`).toBeDefined()
    expectFaithful(layer as Diagram, c)
  })
}

describe('D2 export compiles with the real compiler', () => {
  it('compiles the order pipeline in every style, with and without a run overlay', async () => {
    const overlay: RunOverlay = {
      routines: { fetcher: { status: 'completed', runs: 1 } },
      connections: { c1: { delivered: 4 } },
    }
    await expectBatchCompilesFaithfully(
      D2_STYLES.flatMap((style) => [
        { doc: orderPipeline(), descriptors: testDescriptors, style },
        { doc: orderPipeline(), descriptors: testDescriptors, style, overlay },
      ]),
    )
  }, 120_000)

  it('renders SVG', async () => {
    const svg = await renderer.renderSvg(exportD2(orderPipeline(), { descriptors: testDescriptors }))
    expect(svg).toContain('<svg')
    expect(svg).toContain('DataFetcher')
  }, 60_000)

  it('reports D2 syntax errors with a code and positions', async () => {
    await expect(renderer.compile('a: {')).rejects.toMatchObject({
      code: 'D2_COMPILE_ERROR',
      details: { diagnostics: [expect.objectContaining({ line: 1 })] },
    })
  }, 60_000)

  it('compiles a batch of flows as layers, each as if alone, and names the file of an error', async () => {
    const cases: Case[] = D2_STYLES.map((style) => ({
      doc: orderPipeline(),
      descriptors: testDescriptors,
      style,
    }))
    await expectBatchCompilesFaithfully(cases)
    const single = await renderer.compile(exportCase(cases[0] as Case))
    const batched = await renderer.compileFiles({
      index: 'layers: {\n  a: @a\n}\n',
      'a.d2': exportCase(cases[0] as Case),
    })
    expect(batched.diagram.layers?.[0]?.shapes).toEqual(single.diagram.shapes)
    expect(batched.diagram.layers?.[0]?.connections).toEqual(single.diagram.connections)
    await expect(
      renderer.compileFiles({
        index: 'layers: {\n  a: @a\n  b: @b\n}\n',
        'a.d2': 'x -> y\n',
        'b.d2': 'z: {',
      }),
    ).rejects.toMatchObject({
      code: 'D2_COMPILE_ERROR',
      details: { diagnostics: [expect.objectContaining({ file: 'b.d2', line: 1 })] },
    })
  }, 120_000)

  it('compiles flows with hostile ids, names and labels, edges on the right shapes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(flowCase, { minLength: BATCH, maxLength: BATCH }),
        expectBatchCompilesFaithfully,
      ),
      { numRuns: Math.max(1, Math.ceil(RUNS / BATCH)) },
    )
  }, 600_000)
})
