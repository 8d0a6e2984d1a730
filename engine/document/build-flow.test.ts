import { describe, expect, it } from 'vitest'
import { RoutiluxError } from '../errors'
import { builtinRoutines, RoutineRegistry } from '../routines'
import { buildFlow, toErrorHandler } from './build-flow'
import { createDocument } from './save'
import type { FlowDocument } from './types'

const registry = new RoutineRegistry(builtinRoutines)

function pipeline(): FlowDocument {
  const doc = createDocument('orders')
  doc.execution = { mode: 'concurrent', maxWorkers: 2, errorHandler: { strategy: 'continue' } }
  doc.routines.push(
    { id: 'start', type: 'flow.trigger', config: { payload: { source: 'test' } } },
    {
      id: 'check',
      type: 'data.validator',
      config: { rules: { id: 'is_int' }, required_fields: ['id'] },
      errorHandler: { strategy: 'retry', maxRetries: 1, retryDelayMs: 1, retryOn: ['HANDLER_TIMEOUT'] },
    },
    { id: 'good', type: 'flow.logger', config: { message: 'valid {validated_data.id}' } },
    { id: 'bad', type: 'flow.logger', config: { message: 'invalid' }, merge: { input: 'append' } },
  )
  doc.connections.push(
    { id: 'c1', source: { routine: 'start', event: 'output' }, target: { routine: 'check', slot: 'input' } },
    { id: 'c2', source: { routine: 'check', event: 'valid' }, target: { routine: 'good', slot: 'input' } },
    { id: 'c3', source: { routine: 'check', event: 'invalid' }, target: { routine: 'bad', slot: 'input' } },
  )
  return doc
}

describe('building a flow from a document', () => {
  it('builds routines, connections and execution settings, and the flow runs', async () => {
    const { flow, problems, ok } = buildFlow(pipeline(), { registry })
    expect(problems).toEqual([])
    expect(ok).toBe(true)
    expect(flow.id).toBe('orders')
    expect(flow.executionMode).toBe('concurrent')
    expect(flow.maxWorkers).toBe(2)
    expect(flow.errorHandler?.strategy).toBe('continue')
    expect(flow.routines.get('check')?.errorHandler?.maxRetries).toBe(1)
    expect(flow.connections.map((c) => c.id)).toEqual(['c1', 'c2', 'c3'])
    const job = await flow.run('start', { id: 7 })
    expect(job.status).toBe('completed')
    expect(job.routineStates.good?.runs).toBe(1)
    expect(job.routineStates.bad?.runs ?? 0).toBe(0)
  })

  it('keeps going past unknown types, bad configs and impossible connections, reporting each', async () => {
    const doc = pipeline()
    doc.routines.push(
      { id: 'legacy', type: 'python.Fetcher', config: {} },
      { id: 'check', type: 'flow.logger', config: {} },
      { id: 'clip', type: 'text.clipper', config: { max_length: 'long' } },
    )
    doc.connections.push(
      {
        id: 'c4',
        source: { routine: 'legacy', event: 'output' },
        target: { routine: 'good', slot: 'input' },
      },
      { id: 'c5', source: { routine: 'start', event: 'nope' }, target: { routine: 'good', slot: 'input' } },
      {
        id: 'c6',
        source: { routine: 'start', event: 'output' },
        target: { routine: 'check', slot: 'input' },
      },
    )
    const { flow, problems, ok } = buildFlow(doc, { registry })
    expect(ok).toBe(false)
    expect(problems.map((p) => `${p.code} ${p.location.path}`)).toEqual([
      'UNKNOWN_TYPE $.routines[4].type',
      'DUPLICATE_ROUTINE $.routines[5].id',
      'INVALID_CONFIG $.routines[6].config.max_length',
      'UNKNOWN_EVENT $.connections[4]',
      'DUPLICATE_CONNECTION $.connections[5]',
    ])
    expect(flow.connections.map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c4'])
    expect((await flow.run('start', { id: 1 })).status).toBe('completed')
  })

  it('reports execution settings the engine refuses and falls back to defaults', () => {
    const doc = pipeline()
    doc.execution = { mode: 'sequential', errorHandler: { strategy: 'retry', retryBackoff: 0 } }
    const { flow, problems } = buildFlow(doc, { registry })
    expect(problems.map((p) => `${p.code} ${p.location.path}`)).toEqual(['INVALID_ARGUMENT $.execution'])
    expect(flow.routines.size).toBe(4)
  })

  it('lets a run override the execution mode and worker count', () => {
    const { flow } = buildFlow(pipeline(), { registry, overrides: { maxWorkers: 6 } })
    expect([flow.executionMode, flow.maxWorkers]).toEqual(['concurrent', 6])
    const sequential = buildFlow(pipeline(), { registry, overrides: { mode: 'sequential' } }).flow
    expect([sequential.executionMode, sequential.maxWorkers]).toEqual(['sequential', 1])
  })

  it('maps retryOn to a retryable predicate on error codes', () => {
    const handler = toErrorHandler({ strategy: 'retry', retryOn: ['HANDLER_TIMEOUT'] })
    expect(handler.isRetryable(new RoutiluxError('HANDLER_TIMEOUT', 'slow'))).toBe(true)
    expect(handler.isRetryable(new RoutiluxError('VALIDATION_FAILED', 'bad'))).toBe(false)
    expect(handler.isRetryable(new Error('plain'))).toBe(false)
    expect(toErrorHandler({ strategy: 'retry' }).isRetryable(new Error('plain'))).toBe(true)
  })
})
