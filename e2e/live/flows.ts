/** Flow documents of the live-execution journeys, built from the built-in routines only. */
import type { ErrorHandlerSpec, FlowDocument } from '../../engine/document/types'
import { flow, link } from './live-helpers'

/**
 * Batches of numbers split twice; the third batch is not a list, so the inner splitter fails on it
 * (`INVALID_ARGUMENT`). Five numbers reach the sink when the job goes on past the error.
 */
export function failingFlow(id: string, strategy: ErrorHandlerSpec): FlowDocument {
  return flow(
    id,
    `Failing batch (${strategy.strategy})`,
    [
      {
        id: 'start',
        type: 'flow.trigger',
        title: 'Batches',
        config: { payload: { batches: [[1, 2], [3], 'oops', [4, 5]] } },
      },
      { id: 'outer', type: 'flow.splitter', title: 'Each batch', config: { field: 'batches' } },
      {
        id: 'inner',
        type: 'flow.splitter',
        title: 'Each number',
        config: { field: 'item' },
        errorHandler: strategy,
      },
      {
        id: 'sink',
        type: 'flow.logger',
        title: 'Store',
        config: { level: 'info', message: 'stored {item}', include_data: false },
      },
    ],
    [
      link('start-outer', 'start', 'output', 'outer'),
      link('outer-inner', 'outer', 'item', 'inner'),
      link('inner-sink', 'inner', 'item', 'sink'),
    ],
  )
}

/**
 * A loop of `rounds` rounds `delayMs` apart (next → more? → wait → next) with every round logged by
 * the sink: long enough to pause, cancel or snapshot in the middle.
 */
export function loopFlow(id: string, rounds: number, delayMs: number): FlowDocument {
  const doc = flow(
    id,
    'Ticking loop',
    [
      { id: 'start', type: 'flow.trigger', title: 'Start', config: { payload: { round: 0, rounds } } },
      {
        id: 'next',
        type: 'flow.mapper',
        title: 'Next round',
        config: { mappings: { round: 'data.round + 1', rounds: 'data.rounds' } },
      },
      {
        id: 'more',
        type: 'flow.filter',
        title: 'More rounds?',
        config: { condition: 'data.round < data.rounds' },
      },
      { id: 'wait', type: 'flow.delay', title: 'Wait', config: { delay_ms: delayMs } },
      {
        id: 'sink',
        type: 'flow.logger',
        title: 'Log round',
        config: { level: 'info', message: 'round {round}', include_data: false },
      },
    ],
    [
      link('start-next', 'start', 'output', 'next'),
      link('next-more', 'next', 'output', 'more'),
      link('more-wait', 'more', 'passed', 'wait'),
      link('wait-next', 'wait', 'output', 'next'),
      link('next-sink', 'next', 'output', 'sink'),
    ],
  )
  const positions = {
    start: { x: 0, y: 0 },
    next: { x: 290, y: 0 },
    sink: { x: 580, y: 0 },
    more: { x: 290, y: 190 },
    wait: { x: 580, y: 190 },
  }
  return { ...doc, layout: { positions } }
}
