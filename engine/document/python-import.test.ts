import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtinRoutines, RoutineRegistry } from '../routines'
import { importPythonFlow, isPythonFlowPayload, parsePythonFlow } from './python-import'
import { saveDocument } from './save'
import type { FlowDocument } from './types'

const descriptors = new RoutineRegistry(builtinRoutines).describe()
const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/python-flows/${name}`, import.meta.url), 'utf8')
const codes = (problems: { code: string; severity: string }[]) =>
  problems.map((p) => `${p.severity} ${p.code}`)
const links = (doc: FlowDocument | undefined) =>
  (doc?.connections ?? []).map(
    (c) => `${c.source.routine}.${c.source.event} -> ${c.target.routine}.${c.target.slot}`,
  )

/** Builders for the shapes of reference §2.3. */
function slot(name: string, merge = 'override', owner = 'X') {
  return {
    _type: 'Slot',
    name,
    _data: {},
    merge_strategy: merge,
    handler: {
      _type: 'callable',
      callable_type: 'method',
      class_name: owner,
      method_name: 'h',
      object_id: '0x1',
    },
  }
}
function event(name: string, params: string[] = []) {
  return { _type: 'Event', name, output_params: params }
}
function routine(
  type: string,
  slots: ReturnType<typeof slot>[],
  events: ReturnType<typeof event>[],
  config = {},
) {
  return {
    _type: type,
    _id: '0x1',
    _config: config,
    _error_handler: null,
    _slots: Object.fromEntries(slots.map((s) => [s.name, s])),
    _events: Object.fromEntries(events.map((e) => [e.name, e])),
    _before_hooks: [],
    _after_hooks: [],
  }
}
function connection(eventName: string, slotName: string, ids: Record<string, string> = {}) {
  return { _type: 'Connection', _source_event_name: eventName, _target_slot_name: slotName, ...ids }
}
function flow(
  routines: Record<string, unknown>,
  connections: unknown[],
  extra: Record<string, unknown> = {},
) {
  return {
    _type: 'Flow',
    flow_id: 'built',
    _paused: false,
    execution_strategy: 'sequential',
    max_workers: 1,
    error_handler: null,
    routines,
    connections,
    ...extra,
  }
}

describe('importing the real Python fixtures', () => {
  it('opens etl_pipeline: built-ins mapped, custom classes as placeholders, ambiguous connections reported', () => {
    const result = parsePythonFlow(fixture('etl_pipeline.py-flow.json'), { descriptors })
    const doc = result.document as FlowDocument
    expect(doc.routines.map((r) => [r.id, r.type])).toEqual([
      ['fetch', 'python.Fetcher'],
      ['route', 'control.router'],
      ['clip', 'text.clipper'],
      ['sink', 'python.Sink'],
    ])
    expect(doc.execution).toEqual({
      mode: 'concurrent',
      maxWorkers: 4,
      errorHandler: {
        strategy: 'continue',
        maxRetries: 3,
        retryDelayMs: 1000,
        retryBackoff: 2,
        isCritical: false,
      },
    })
    expect(doc.routines[3]).toMatchObject({
      merge: { input: 'append' },
      errorHandler: { strategy: 'retry', maxRetries: 2, retryDelayMs: 500 },
    })
    expect(doc.routines[1]?.config.routes).toEqual([
      { name: 'high', condition: "data.get('value', 0) > 10" },
      { name: 'low', condition: "data.get('value', 0) <= 10" },
    ])
    expect(doc.routines[2]?.config).toEqual({
      max_length: 80,
      preserve_tracebacks: true,
      truncation_message: '...(省略了{remaining}行)',
    })
    expect(doc.connections).toEqual([])
    const ambiguous = result.problems.filter((p) => p.code === 'PY_CONNECTION_AMBIGUOUS')
    expect(ambiguous).toHaveLength(3)
    expect(ambiguous[0]?.message).toContain(
      'sources "fetch", "route", "clip"; targets "route", "clip", "sink"',
    )
    expect(codes(result.problems.filter((p) => p.code === 'UNKNOWN_TYPE'))).toEqual([
      'error UNKNOWN_TYPE',
      'error UNKNOWN_TYPE',
    ])
    expect(Object.keys(doc.layout.positions)).toEqual(['fetch', 'route', 'clip', 'sink'])
  })

  it('opens validate_and_extract, dropping extractor settings that have no counterpart', () => {
    const result = importPythonFlow(JSON.parse(fixture('validate_and_extract.py-flow.json')), { descriptors })
    const doc = result.document as FlowDocument
    expect(doc.routines.map((r) => r.type)).toEqual([
      'python.Fetcher',
      'data.validator',
      'text.extractor',
      'python.Sink',
    ])
    expect(doc.execution).toEqual({ mode: 'sequential' })
    const dropped = result.problems.filter((p) => p.code === 'PY_CONFIG_DROPPED').map((p) => p.message)
    expect(dropped).toHaveLength(2)
    expect(dropped[0]).toContain('detect_nested_structures')
    expect(dropped[1]).toContain('log_errors')
    const extractor = doc.routines.find((r) => r.type === 'text.extractor')
    expect(extractor?.config).toMatchObject({ extract_yaml_blocks: false, parse_yaml_strings: false })
    const ambiguous = result.problems
      .filter((p) => p.code === 'PY_CONNECTION_AMBIGUOUS')
      .map((p) => p.message)
    expect(ambiguous).toHaveLength(3)
    expect(ambiguous[2]).toContain('#1 ("valid" → "input")')
    expect(ambiguous[2]).toContain('sources "check"; targets "check", "extract", "store"')
  })

  it('never mutates its input, and importing twice gives the same document', () => {
    const payload = JSON.parse(fixture('etl_pipeline.py-flow.json'))
    const copy = structuredClone(payload)
    const first = importPythonFlow(payload, { descriptors })
    expect(payload).toEqual(copy)
    const second = importPythonFlow(payload, { descriptors })
    expect(saveDocument(second.document as FlowDocument)).toBe(saveDocument(first.document as FlowDocument))
  })
})

describe('importing flows built from the reference shapes', () => {
  const unambiguous = () =>
    flow(
      {
        src: routine('Source', [slot('trigger')], [event('records', ['records'])]),
        check: routine('DataValidator', [slot('input')], [event('valid'), event('invalid')], {
          rules: {},
          strict_mode: true,
          required_fields: ['id'],
          allow_extra_fields: true,
        }),
        good: routine('Sink', [slot('good', 'append')], []),
        bad: routine('Sink', [slot('bad')], []),
        clock: routine('TimeProvider', [slot('request')], [event('output')], { format: 'iso' }),
        a: routine('Collector', [slot('collect')], []),
        b: routine('Collector', [slot('collect')], []),
      },
      [
        connection('records', 'input'),
        connection('valid', 'good'),
        connection('invalid', 'bad'),
        connection('output', 'collect'),
        connection('output', 'collect'),
      ],
    )

  it('resolves connections whose names leave one possibility, and pairs that cover every link', () => {
    const result = importPythonFlow(unambiguous(), { descriptors })
    expect(links(result.document)).toEqual([
      'src.records -> check.input',
      'check.valid -> good.good',
      'check.invalid -> bad.bad',
      'clock.output -> a.collect',
      'clock.output -> b.collect',
    ])
    expect(result.problems.filter((p) => p.code.startsWith('PY_CONNECTION'))).toEqual([])
    expect(result.document?.routines.find((r) => r.id === 'clock')).toMatchObject({ type: 'util.time' })
  })

  it('renames ports that differ (TimeProvider "request" is our "trigger")', () => {
    const payload = unambiguous()
    ;(payload.connections as unknown[]).push(connection('records', 'request'))
    const result = importPythonFlow(payload, { descriptors })
    expect(links(result.document)).toContain('src.records -> clock.trigger')
    expect(result.problems.some((p) => p.code === 'UNKNOWN_SLOT')).toBe(false)
  })

  it('uses explicit routine ids when the payload has them, and reports bad ones', () => {
    const payload = flow(
      {
        one: routine('A', [slot('input')], [event('output')]),
        two: routine('A', [slot('input')], [event('output')]),
      },
      [
        connection('output', 'input', { _source_routine_id: 'one', _target_routine_id: 'two' }),
        connection('output', 'input', { _source_routine_id: 'one', _target_routine_id: 'ghost' }),
      ],
    )
    const result = importPythonFlow(payload, { descriptors })
    expect(links(result.document)).toEqual(['one.output -> two.input'])
    expect(codes(result.problems)).toContain('warning PY_CONNECTION_UNRESOLVED')
  })

  it('imports a repeated unambiguous connection once and reports missing ports', () => {
    const payload = flow(
      { s: routine('A', [slot('trigger')], [event('out')]), t: routine('B', [slot('in')], []) },
      [connection('out', 'in'), connection('out', 'in'), connection('nope', 'in')],
    )
    const result = importPythonFlow(payload, { descriptors })
    expect(links(result.document)).toEqual(['s.out -> t.in'])
    expect(codes(result.problems)).toEqual(
      expect.arrayContaining(['info PY_CONNECTION_DUPLICATE', 'warning PY_CONNECTION_UNRESOLVED']),
    )
  })

  it('translates router conditions where it can and keeps the Python text where it cannot', () => {
    const payload = flow(
      {
        r: routine('ConditionalRouter', [slot('input')], [event('output', ['data', 'route'])], {
          routes: [
            ['big', "data.get('n', 0) > 100"],
            ['typed', { kind: 'a' }],
            ['lam', { _type: 'lambda_expression', expression: "x.get('n') == 1" }],
            ['code', { _type: 'callable', callable_type: 'function', module: 'rules', name: 'is_vip' }],
            ['attr', 'data.n > 1'],
          ],
          default_route: null,
          route_priority: 'all_matches',
        }),
      },
      [],
    )
    const result = importPythonFlow(payload, { descriptors })
    const routes = result.document?.routines[0]?.config.routes as { name: string; condition: string }[]
    expect(routes.map((r) => r.condition)).toEqual([
      "data.get('n', 0) > 100",
      `type(data) == 'object' and "kind" in data and data.get("kind") == "a"`,
      "data.get('n') == 1",
      'false',
      'false',
    ])
    expect(routes[3]).toMatchObject({ python: expect.stringContaining('is_vip') })
    expect(routes[4]).toMatchObject({ python: 'data.n > 1' })
    const untranslated = result.problems.filter((p) => p.code === 'PY_CONDITION_UNTRANSLATED')
    expect(untranslated.map((p) => p.location.path)).toEqual([
      '$.routines[0].config.routes[3].condition',
      '$.routines[0].config.routes[4].condition',
    ])
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([])
  })

  it('reports payloads that are not Python flows, and never throws on malformed parts', () => {
    expect(codes(importPythonFlow({ format: 'routilux-flow' }).problems)).toEqual(['error PY_NOT_A_FLOW'])
    expect(codes(importPythonFlow(null).problems)).toEqual(['error PY_NOT_A_FLOW'])
    expect(codes(parsePythonFlow('{"_type": "Flow",').problems)).toEqual(['error DOC_PARSE_ERROR'])
    const odd = importPythonFlow({ _type: 'Flow', routines: { a: 5, b: { _type: 7 } }, connections: [1, {}] })
    expect(odd.document?.routines.map((r) => r.type)).toEqual(['python.Routine'])
    expect(codes(odd.problems)).toEqual(expect.arrayContaining(['warning PY_INVALID']))
    expect(isPythonFlowPayload(JSON.parse(fixture('etl_pipeline.py-flow.json')))).toBe(true)
  })
})
