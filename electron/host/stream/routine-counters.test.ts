import { describe, expect, it } from 'vitest'
import { RoutineCounters } from './routine-counters'

const error = { code: 'HANDLER_ERROR', message: 'busy' }

describe('routine counters', () => {
  it('shows the waiting retry’s attempt while other deliveries of the routine run meanwhile', () => {
    const counters = new RoutineCounters('r')
    counters.started(1)
    counters.failed(2, 'retry', error)
    counters.retryScheduled(2, 3)
    expect(counters.snapshot()).toMatchObject({ status: 'retrying', attempt: 2, maxAttempts: 3 })
    counters.started(1)
    counters.completed(1)
    expect(counters.snapshot()).toMatchObject({ status: 'retrying', attempt: 2, maxAttempts: 3, runs: 2 })
    counters.retryDelivered()
    counters.started(2)
    expect(counters.snapshot()).toMatchObject({ status: 'running', attempt: 2 })
    counters.failed(2, 'continue', error)
    expect(counters.snapshot()).toMatchObject({
      status: 'error_continued',
      attempt: 2,
      maxAttempts: null,
      errors: 2,
    })
  })

  it('takes over saved counts without queues', () => {
    const counters = new RoutineCounters('r')
    counters.seed({
      status: 'queued',
      attempt: 1,
      maxAttempts: null,
      runs: 10,
      errors: 1,
      retries: 0,
      skips: 0,
      running: 0,
      queued: 4,
      queueBySlot: { input: 4 },
      retryWaiting: 0,
      lastDurationMs: 2,
      avgDurationMs: 3,
      lastError: error,
      lastActivityAt: 99,
    })
    expect(counters.snapshot()).toMatchObject({
      status: 'idle',
      runs: 10,
      errors: 1,
      queued: 0,
      avgDurationMs: 3,
    })
    counters.started(1)
    counters.completed(14)
    expect(counters.snapshot()).toMatchObject({ status: 'completed', runs: 11, avgDurationMs: 4 })
  })
})
