/**
 * The D2 export against the real compiler: fixed documents in every style, SVG rendering, and a
 * property test with hostile ids, names and labels proving every export compiles and every
 * connection lands on the right port shapes.
 */
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

/** Property-test cases; each compiles one generated flow (about 0.15 s of compiler time each). */
const RUNS = Number(process.env.D2_PROPERTY_RUNS ?? 200)

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

/** Checks a compiled diagram against the export model: shapes carry the labels, edges join the right ports. */
async function expectCompilesFaithfully({ doc, descriptors, style, overlay }: Case): Promise<void> {
  const text = exportD2(doc, { style, descriptors, ...(overlay && { overlay }) })
  const model = buildD2Model(doc, descriptors)
  const { diagram } = await renderer.compile(text)
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
  expect(diagram.connections.map((c) => `${c.src} -> ${c.dst}`)).toEqual(expected)
}

describe('D2 export compiles with the real compiler', () => {
  it('compiles the order pipeline in every style, with and without a run overlay', async () => {
    for (const style of D2_STYLES) {
      await expectCompilesFaithfully({ doc: orderPipeline(), descriptors: testDescriptors, style })
      await expectCompilesFaithfully({
        doc: orderPipeline(),
        descriptors: testDescriptors,
        style,
        overlay: {
          routines: { fetcher: { status: 'completed', runs: 1 } },
          connections: { c1: { delivered: 4 } },
        },
      })
    }
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

  it('compiles flows with hostile ids, names and labels, edges on the right shapes (property)', async () => {
    await fc.assert(fc.asyncProperty(flowCase, expectCompilesFaithfully), { numRuns: RUNS })
  }, 600_000)
})
