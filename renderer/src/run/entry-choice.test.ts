import { describe, expect, it } from 'vitest'
import { chainDocument, descriptor } from '../test/fixtures'
import { defaultEntry, entryCandidates, entrySlot } from './entry-choice'
import { parseMaxWorkers, parseRunParams } from './run-params'

const descriptors = new Map([
  ['t.pass', descriptor('t.pass')],
  [
    'flow.trigger',
    descriptor('flow.trigger', { slots: ['trigger'], events: ['output'] }, { title: 'Manual Trigger' }),
  ],
])

describe('choosing the entry routine', () => {
  it('prefers a routine with a trigger slot and nothing connected into it', () => {
    const doc = chainDocument()
    doc.routines.push({ id: 'start', type: 'flow.trigger', config: {} })
    doc.connections.push({
      id: 's->a',
      source: { routine: 'start', event: 'output' },
      target: { routine: 'a', slot: 'input' },
    })
    const candidates = entryCandidates(doc, descriptors)
    expect(candidates.map((c) => [c.routineId, c.incoming])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 1],
      ['start', 0],
    ])
    const entry = defaultEntry(candidates)
    expect(entry?.routineId).toBe('start')
    expect(entry?.label).toBe('Manual Trigger (start)')
    expect(entry && entrySlot(entry)).toBe('trigger')
  })

  it('falls back to the first routine nothing connects into, entered by its first slot', () => {
    const entry = defaultEntry(entryCandidates(chainDocument(), descriptors))
    expect(entry?.routineId).toBe('a')
    expect(entry && entrySlot(entry)).toBe('input')
    expect(defaultEntry([])).toBeNull()
  })
})

describe('run parameters', () => {
  it('accepts a JSON object (empty text is {}) and refuses anything else with a reason', () => {
    expect(parseRunParams('  ')).toEqual({ ok: true, params: {} })
    expect(parseRunParams('{"text": "hi"}')).toEqual({ ok: true, params: { text: 'hi' } })
    expect(parseRunParams('[1]')).toMatchObject({
      ok: false,
      message: expect.stringContaining('JSON object'),
    })
    expect(parseRunParams('{"text": ')).toMatchObject({
      ok: false,
      message: expect.stringContaining('Not valid JSON'),
    })
    expect(parseMaxWorkers('')).toEqual({ ok: true, value: null })
    expect(parseMaxWorkers('8')).toEqual({ ok: true, value: 8 })
    expect(parseMaxWorkers('0').ok).toBe(false)
    expect(parseMaxWorkers('2.5').ok).toBe(false)
  })
})
