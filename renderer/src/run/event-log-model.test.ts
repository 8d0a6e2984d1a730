import { describe, expect, it } from 'vitest'
import type { ExecutionEvent } from '../../../engine/events'
import { eventPayload, eventStatus, eventSummary, filterEvents, NO_FILTER } from './event-log-model'
import { sampled } from './run-fixtures'

const error = { code: 'HANDLER_ERROR', message: 'boom' }
const log = [
  sampled(1, { type: 'jobStarted', entryId: 'trigger', slot: 'trigger', params: { n: 1 } }),
  sampled(2, { type: 'routineStarted', routineId: 'trigger', slot: 'trigger', deliveryId: 1, attempt: 1 }),
  sampled(3, {
    type: 'eventEmitted',
    routineId: 'trigger',
    event: 'output',
    connectionIds: ['c1', 'c2'],
    data: { n: 1 },
  }),
  sampled(4, {
    type: 'routineCompleted',
    routineId: 'trigger',
    slot: 'trigger',
    deliveryId: 1,
    attempt: 1,
    durationMs: 0.5,
  }),
  sampled(5, {
    type: 'routineFailed',
    routineId: 'flaky',
    slot: 'input',
    deliveryId: 2,
    attempt: 1,
    durationMs: 3,
    error,
    resolution: 'retry',
  }),
  sampled(6, {
    type: 'retryScheduled',
    routineId: 'flaky',
    slot: 'input',
    deliveryId: 2,
    attempt: 1,
    nextAttempt: 2,
    maxRetries: 2,
    delayMs: 10,
    error,
  }),
  sampled(7, {
    type: 'routineFailed',
    routineId: 'flaky',
    slot: 'input',
    deliveryId: 2,
    attempt: 3,
    durationMs: 3,
    error,
    resolution: 'stop',
  }),
  sampled(8, { type: 'jobFailed', durationMs: 40, error }),
]

const at = (i: number): ExecutionEvent => {
  const sampledEvent = log[i]
  if (!sampledEvent) throw new Error(`no event ${i}`)
  return sampledEvent.event
}

describe('event log model', () => {
  it('passes everything through without a filter (same array)', () => {
    expect(filterEvents(log, NO_FILTER)).toBe(log)
  })

  it('filters by routine, kind, status and text, combined', () => {
    const seqs = (f: Partial<typeof NO_FILTER>) => filterEvents(log, { ...NO_FILTER, ...f }).map((e) => e.seq)
    expect(seqs({ routine: 'trigger' })).toEqual([1, 2, 3, 4])
    expect(seqs({ type: 'routineFailed' })).toEqual([5, 7])
    expect(seqs({ status: 'error' })).toEqual([7, 8])
    expect(seqs({ status: 'retry' })).toEqual([5, 6])
    expect(seqs({ routine: 'flaky', status: 'error' })).toEqual([7])
    expect(seqs({ text: 'OUTPUT' })).toEqual([3])
    expect(seqs({ text: 'boom', type: 'retryScheduled' })).toEqual([6])
  })

  it('summarises events in one line with attempts, durations and resolutions', () => {
    expect(eventSummary(at(2))).toBe('trigger emitted "output" to 2 connections')
    expect(eventSummary(at(3))).toBe('trigger.trigger completed in 0.50 ms')
    expect(eventSummary(at(5))).toBe('Retry of flaky.input: attempt 2/3 in 10 ms (boom)')
    expect(eventSummary(at(6))).toBe('flaky.input failed: HANDLER_ERROR: boom → STOP')
    expect(eventStatus(at(4))).toBe('retry')
  })

  it('finds the payload an event carries', () => {
    expect(eventPayload(at(0))).toEqual({ n: 1 })
    expect(eventPayload(at(2))).toEqual({ n: 1 })
    expect(eventPayload(at(7))).toEqual(error)
    expect(eventPayload(at(1))).toBeUndefined()
  })
})
