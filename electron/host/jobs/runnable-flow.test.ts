/**
 * A flow that cannot run is refused with its problems; the message names the routine of each one,
 * so "Unexpected end of expression" says where it is.
 */
import { describe, expect, it } from 'vitest'
import { builtinRoutines } from '../../../engine/routines/builtins/catalog'
import { RoutineRegistry } from '../../../engine/routines/registry'
import { loopDocument } from '../testing/loop-document'
import { runnableFlow } from './runnable-flow'

const registry = new RoutineRegistry(builtinRoutines)

describe('runnableFlow', () => {
  it('names the routine of a problem whose message does not', () => {
    const doc = loopDocument()
    doc.routines = doc.routines.map((r) =>
      r.id === 'next' ? { ...r, config: { mappings: { round: 'data.round +' } } } : r,
    )
    expect(() => runnableFlow(doc, registry)).toThrow(
      /^The flow cannot run: next: Unexpected end of expression/,
    )
  })

  it('keeps a message that already names its routine or connection as it is', () => {
    const doc = loopDocument()
    doc.connections = [
      ...doc.connections,
      { id: 'bad', source: { routine: 'next', event: 'nope' }, target: { routine: 'sink', slot: 'input' } },
    ]
    expect(() => runnableFlow(doc, registry)).toThrow(
      'The flow cannot run: connection "bad" is left out: routine "next" has no event "nope"',
    )
  })

  it('builds a flow without problems', () => {
    expect(runnableFlow(loopDocument(), registry).id).toBe('loop')
  })
})
