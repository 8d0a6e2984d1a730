/**
 * A document whose job runs long enough to be paused, saved and resumed in tests: a loop of rounds
 * with a short delay in each, counted by a sink.
 */
import { createDocument } from '../../../engine/document/save'
import type { FlowDocument } from '../../../engine/document/types'

/** Rounds of the loop. */
export const LOOP_ROUNDS = 100

/** A loop of `LOOP_ROUNDS` rounds, 20 ms apart: next → more? → wait → next, and next → sink. */
export function loopDocument(): FlowDocument {
  const link = (id: string, source: string, event: string, target: string, slot = 'input') => ({
    id,
    source: { routine: source, event },
    target: { routine: target, slot },
  })
  return {
    ...createDocument('loop', 'Loop'),
    routines: [
      { id: 'start', type: 'flow.trigger', config: { payload: { round: 0, rounds: LOOP_ROUNDS } } },
      {
        id: 'next',
        type: 'flow.mapper',
        config: { mappings: { round: 'data.round + 1', rounds: 'data.rounds' } },
      },
      { id: 'more', type: 'flow.filter', config: { condition: 'data.round < data.rounds' } },
      { id: 'wait', type: 'flow.delay', config: { delay_ms: 20 } },
      {
        id: 'sink',
        type: 'flow.logger',
        config: { level: 'debug', message: 'round {round}', include_data: false },
      },
    ],
    connections: [
      link('start-next', 'start', 'output', 'next'),
      link('next-more', 'next', 'output', 'more'),
      link('more-wait', 'more', 'passed', 'wait'),
      link('wait-next', 'wait', 'output', 'next'),
      link('next-sink', 'next', 'output', 'sink'),
    ],
  }
}
