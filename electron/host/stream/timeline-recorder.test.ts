import { describe, expect, it } from 'vitest'
import { TimelineRecorder } from './timeline-recorder'

describe('timeline recorder', () => {
  it('lists finished spans oldest first, then the running ones by start time', () => {
    const timeline = new TimelineRecorder(10)
    timeline.started('a', 1, 1, 100)
    timeline.started('b', 2, 1, 101)
    timeline.finished(1, 1, 105, 'completed')
    timeline.started('c', 3, 1, 102)
    timeline.finished(3, 1, 110, 'failed')
    expect(timeline.spans()).toEqual([
      { routineId: 'a', deliveryId: 1, attempt: 1, start: 100, end: 105, outcome: 'completed' },
      { routineId: 'c', deliveryId: 3, attempt: 1, start: 102, end: 110, outcome: 'failed' },
      { routineId: 'b', deliveryId: 2, attempt: 1, start: 101, end: null, outcome: 'running' },
    ])
  })

  it('keeps only the most recent finished spans', () => {
    const timeline = new TimelineRecorder(3)
    for (let id = 1; id <= 7; id++) {
      timeline.started('r', id, 1, id)
      timeline.finished(id, 1, id + 0.5, 'completed')
    }
    expect(timeline.spans().map((s) => s.deliveryId)).toEqual([5, 6, 7])
  })

  it('tracks many spans running at once, even when their delivery ids share a slot', () => {
    const timeline = new TimelineRecorder(1000)
    const ids = Array.from({ length: 600 }, (_, i) => 1 + i * 256)
    for (const [i, id] of ids.entries()) timeline.started(`r${i}`, id, 1, i)
    expect(timeline.spans().filter((s) => s.outcome === 'running')).toHaveLength(600)
    for (const id of [...ids].reverse()) timeline.finished(id, 1, 1000, 'completed')
    const spans = timeline.spans()
    expect(spans).toHaveLength(600)
    expect(spans.every((s) => s.outcome === 'completed')).toBe(true)
    expect(new Set(spans.map((s) => s.routineId)).size).toBe(600)
    expect(spans.find((s) => s.deliveryId === 1 + 256)).toMatchObject({ routineId: 'r1', start: 1 })
  })

  it('records each attempt of a retried delivery and ignores an end for another attempt', () => {
    const timeline = new TimelineRecorder(10)
    timeline.started('r', 4, 1, 10)
    timeline.finished(4, 2, 11, 'completed')
    timeline.finished(4, 1, 12, 'failed')
    timeline.started('r', 4, 2, 20)
    timeline.finished(4, 2, 21, 'completed')
    expect(timeline.spans().map((s) => [s.attempt, s.outcome, s.end])).toEqual([
      [1, 'failed', 12],
      [2, 'completed', 21],
    ])
  })
})
