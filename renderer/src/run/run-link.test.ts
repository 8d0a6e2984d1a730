import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ReceivedBatch } from '../store/state-run'
import { flowDashOffset } from './edge-flow'
import { batch, connectionLive, jobUpdate } from './run-fixtures'
import { batchesPerFrame, MAX_BATCH_WAIT_MS } from './run-link'

afterEach(() => {
  vi.useRealTimers()
})

describe('batches per frame', () => {
  it('hands over every batch that arrived before the frame, in order, in one call', () => {
    vi.useFakeTimers()
    const calls: (readonly ReceivedBatch[])[] = []
    const receive = batchesPerFrame((batches) => calls.push(batches))
    receive(batch(1, 1000, [jobUpdate()]))
    receive(batch(2, 1033, [jobUpdate()]))
    receive(batch(3, 1066, [jobUpdate({ final: true })]))
    expect(calls).toHaveLength(0)
    vi.advanceTimersByTime(MAX_BATCH_WAIT_MS)
    expect(calls).toHaveLength(1)
    expect(calls[0]?.map((b) => b.batch.seq)).toEqual([1, 2, 3])
    receive(batch(4, 1100, [jobUpdate()]))
    vi.advanceTimersByTime(MAX_BATCH_WAIT_MS)
    expect(calls.map((c) => c.length)).toEqual([3, 1])
  })
})

describe('flowing connections', () => {
  it('step their dashes with the host time of their last delivery, and stand still when quiet', () => {
    const live = (lastDeliveredAt: number, flowing = true) => ({
      ...connectionLive({ delivered: 5, lastDeliveredAt }),
      flowing,
    })
    expect(flowDashOffset(live(0))).toBe(-0)
    expect(flowDashOffset(live(33))).toBe(-2.5)
    expect(flowDashOffset(live(99))).toBe(-7.5)
    expect(flowDashOffset(live(132))).toBe(-0)
    expect(flowDashOffset(live(33, false))).toBeUndefined()
    expect(flowDashOffset(undefined)).toBeUndefined()
  })
})
