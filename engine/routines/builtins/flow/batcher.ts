/**
 * Batcher (`flow.batcher`): groups consecutive items of a job into lists of `size`; a partial batch
 * goes out after `max_wait_ms` or on `flush`.
 */
import type { RoutineContext } from '../../../context'
import type { Payload } from '../../../types'
import type { RoutineDefinition } from '../../definition'
import { routineState } from '../shared/job-state'
import { startTimer, stopTimers, TIMER_SLOT } from '../shared/timers'

interface BatcherState extends Payload {
  items: unknown[]
  batches: number
  generation: number
}

const fresh = (): BatcherState => ({ items: [], batches: 0, generation: 0 })

function release(ctx: RoutineContext, state: BatcherState, reason: 'size' | 'timeout' | 'flush'): void {
  const items = state.items
  state.items = []
  state.generation += 1
  stopTimers(ctx)
  ctx.emit('batch', { items, index: state.batches, count: items.length, reason })
  state.batches += 1
}

/** Batcher: `size`, `max_wait_ms`, `field`. */
export const batcher: RoutineDefinition = {
  id: 'flow.batcher',
  title: 'Batcher',
  category: 'flow',
  description:
    'Groups items into batches of "size"; a partial batch is emitted after "max_wait_ms" or on flush.',
  icon: '▤',
  configSchema: {
    type: 'object',
    properties: {
      size: { type: 'integer', minimum: 1, title: 'Batch size', default: 10 },
      max_wait_ms: {
        type: 'integer',
        minimum: 0,
        title: 'Emit a partial batch after (ms)',
        description: '0 = only on flush.',
        default: 0,
      },
      field: {
        type: 'string',
        title: 'Item field',
        description: 'Payload key batched; empty = the whole payload.',
        default: '',
      },
    },
  },
  slots: [
    {
      name: 'input',
      handler: (payload, ctx) => {
        const state = routineState(ctx, fresh)
        const field = typeof ctx.config.field === 'string' ? ctx.config.field : ''
        state.items.push(field !== '' && Object.hasOwn(payload, field) ? payload[field] : payload)
        if (state.items.length >= Number(ctx.config.size ?? 10)) {
          release(ctx, state, 'size')
          return
        }
        const wait = Number(ctx.config.max_wait_ms ?? 0)
        if (state.items.length === 1 && wait > 0) startTimer(ctx, wait, { generation: state.generation })
      },
    },
    {
      name: 'flush',
      description: 'Emits the partial batch now.',
      handler: (_payload, ctx) => {
        const state = routineState(ctx, fresh)
        if (state.items.length > 0) release(ctx, state, 'flush')
      },
    },
    {
      name: TIMER_SLOT,
      internal: true,
      handler: (payload, ctx) => {
        const state = routineState(ctx, fresh)
        if (payload.generation === state.generation && state.items.length > 0) release(ctx, state, 'timeout')
      },
    },
  ],
  events: [{ name: 'batch', params: ['items', 'index', 'count', 'reason'] }],
}
