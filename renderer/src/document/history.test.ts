import { describe, expect, it } from 'vitest'
import type { FlowDocument } from '../../../engine/document/types'
import { setFlowInfo } from './flow-ops'
import { emptyHistory, HISTORY_LIMIT, record, redo, undo } from './history'
import { emptyDocument } from './new-document'

const base = emptyDocument('x', 'id')
const [d0, d1, d2, d3] = [0, 1, 2, 3].map((i) => setFlowInfo(base, { name: `v${i}` })) as [
  FlowDocument,
  FlowDocument,
  FlowDocument,
  FlowDocument,
]

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value')
  return value
}

describe('undo history', () => {
  it('undoes and redoes in order, and a new change clears the redo stack', () => {
    let h = record(emptyHistory, d0, 'one', { now: 0 })
    h = record(h, d1, 'two', { now: 10_000 })
    const back = must(undo(h, d2))
    expect(back.doc).toBe(d1)
    expect(redo(back.history, back.doc)?.doc).toBe(d2)
    expect(undo(back.history, d1)?.doc).toBe(d0)
    expect(record(back.history, d1, 'three').future).toEqual([])
    expect(undo(emptyHistory, d0)).toBeUndefined()
    expect(redo(emptyHistory, d0)).toBeUndefined()
  })

  it('coalesces changes with the same key inside the window only', () => {
    let h = record(emptyHistory, d0, 'type', { coalesceKey: 'name', now: 0 })
    h = record(h, d1, 'type', { coalesceKey: 'name', now: 500 })
    expect(h.past).toHaveLength(1)
    h = record(h, d2, 'type', { coalesceKey: 'name', now: 5_000 })
    expect(h.past).toHaveLength(2)
    h = record(h, d3, 'type', { coalesceKey: 'other', now: 5_100 })
    expect(h.past).toHaveLength(3)
  })

  it('keeps at least 200 steps and drops the oldest beyond the limit', () => {
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(200)
    let h = emptyHistory
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) h = record(h, setFlowInfo(d0, { name: `n${i}` }), `s${i}`)
    expect(h.past).toHaveLength(HISTORY_LIMIT)
    expect(h.past[0]?.label).toBe('s5')
  })
})
