/**
 * Documents and descriptors shared by the document and D2 tests: the reference's order pipeline
 * (fetcher → validator → sink) and a small descriptor set that covers static and dynamic ports.
 */
import type { RoutineTypeDescriptor } from '../routines/descriptor'
import { createDocument } from './save'
import type { FlowDocument } from './types'

/** Builds a descriptor with sensible defaults for tests. */
export function testDescriptor(
  type: string,
  slots: readonly string[],
  events: readonly (string | [string, string[]])[],
  extra: Partial<RoutineTypeDescriptor> = {},
): RoutineTypeDescriptor {
  return {
    type,
    title: type,
    category: 'test',
    description: '',
    version: 1,
    slots: slots.map((name) => ({ name, merge: 'override' as const })),
    events: events.map((e) =>
      typeof e === 'string' ? { name: e, params: [] } : { name: e[0], params: e[1] },
    ),
    configSchema: { type: 'object' },
    defaults: {},
    source: 'builtin',
    ...extra,
  }
}

/** Descriptors for the order pipeline and the router tests. */
export const testDescriptors: RoutineTypeDescriptor[] = [
  testDescriptor('test.fetcher', ['trigger'], [['output', ['data', 'source', 'timestamp', 'extra']]]),
  testDescriptor(
    'test.validator',
    ['input'],
    [
      ['valid', ['validated_data']],
      ['invalid', ['errors', 'data']],
    ],
    {
      configSchema: {
        type: 'object',
        properties: { strict: { type: 'boolean' } },
        required: ['strict'],
      },
      defaults: { strict: false },
    },
  ),
  testDescriptor('test.sink', ['input'], []),
  testDescriptor('test.router', ['input'], ['output'], {
    dynamicEvents: { configKey: 'routes', field: 'name' },
  }),
]

/** The reference's worked example: fetcher.output → validator.input, validator.valid → sink.input. */
export function orderPipeline(): FlowDocument {
  const doc = createDocument('order_pipeline', 'Order pipeline')
  doc.routines.push(
    { id: 'fetcher', type: 'test.fetcher', title: 'DataFetcher', config: { source: 'api', timeout: 30 } },
    { id: 'validator', type: 'test.validator', title: 'DataValidator', config: {} },
    { id: 'sink', type: 'test.sink', title: 'ResultSink', config: {}, merge: { input: 'append' } },
  )
  doc.connections.push(
    {
      id: 'c1',
      source: { routine: 'fetcher', event: 'output' },
      target: { routine: 'validator', slot: 'input' },
    },
    {
      id: 'c2',
      source: { routine: 'validator', event: 'valid' },
      target: { routine: 'sink', slot: 'input' },
    },
  )
  return doc
}
