import { describe, expect, it } from 'vitest'
import { RoutineRegistry } from '../../registry'
import { runSlot } from '../../test-support'
import { builtinRoutines } from '../catalog'

describe('flow.trigger', () => {
  it('emits the run parameters over the configured payload', async () => {
    const { routine } = new RoutineRegistry(builtinRoutines).instantiate({
      type: 'flow.trigger',
      config: { payload: { source: 'manual', n: 1 } },
    })
    const run = await runSlot(routine, 'trigger', { n: 2 })
    expect(run.emits).toEqual([{ event: 'output', data: { source: 'manual', n: 2 } }])
  })
})
