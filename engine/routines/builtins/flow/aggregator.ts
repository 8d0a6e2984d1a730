/**
 * Aggregator (`flow.aggregator`): collects items per job until it has `count` of them, or until
 * `timeout_ms` after the first one, then emits them together. The usual fan-in after a Splitter:
 * with `count` 0 the expected count is read from each payload's `count`.
 */
import type { RoutineContext } from '../../../context'
import type { Payload } from '../../../types'
import type { RoutineDefinition } from '../../definition'
import { routineState } from '../shared/job-state'
import { startTimer, stopTimers, TIMER_SLOT } from '../shared/timers'

interface AggregatorState extends Payload {
  items: Array<{ value: unknown; index?: number }>
  expected: number
  generation: number
}

const fresh = (): AggregatorState => ({ items: [], expected: 0, generation: 0 })

function release(ctx: RoutineContext, state: AggregatorState, reason: 'count' | 'timeout' | 'flush'): void {
  const ordered = ctx.config.order_by_index !== false ? sortedByIndex(state.items) : state.items
  const items = ordered.map((entry) => entry.value)
  const expected = state.expected
  state.items = []
  state.expected = 0
  state.generation += 1
  stopTimers(ctx)
  ctx.emit('output', { items, count: items.length, expected, complete: reason === 'count', reason })
}

function sortedByIndex(items: AggregatorState['items']): AggregatorState['items'] {
  return items.every((entry) => typeof entry.index === 'number')
    ? [...items].sort((a, b) => (a.index as number) - (b.index as number))
    : items
}

function onInput(payload: Payload, ctx: RoutineContext): void {
  const state = routineState(ctx, fresh)
  const field = typeof ctx.config.field === 'string' ? ctx.config.field : 'item'
  const value = field === '' || !Object.hasOwn(payload, field) ? payload : payload[field]
  state.items.push({ value, ...(typeof payload.index === 'number' && { index: payload.index }) })
  const configured = Number(ctx.config.count ?? 0)
  const expected = configured > 0 ? configured : typeof payload.count === 'number' ? payload.count : 0
  state.expected = expected
  if (expected > 0 && state.items.length >= expected) {
    release(ctx, state, 'count')
    return
  }
  const timeout = Number(ctx.config.timeout_ms ?? 0)
  if (state.items.length === 1 && timeout > 0) startTimer(ctx, timeout, { generation: state.generation })
}

function onTimer(payload: Payload, ctx: RoutineContext): void {
  const state = routineState(ctx, fresh)
  if (payload.generation === state.generation && state.items.length > 0) release(ctx, state, 'timeout')
}

function onFlush(_payload: Payload, ctx: RoutineContext): void {
  const state = routineState(ctx, fresh)
  if (state.items.length > 0) release(ctx, state, 'flush')
}

/** Aggregator: `count`, `timeout_ms`, `field`, `order_by_index`. */
export const aggregator: RoutineDefinition = {
  id: 'flow.aggregator',
  title: 'Aggregator',
  category: 'flow',
  description:
    'Collects items (per job) until it has "count" of them or "timeout_ms" passed since the first, then emits them as one list. Count 0 reads the expected count from each payload (as sent by a Splitter).',
  icon: '⑄',
  configSchema: {
    type: 'object',
    properties: {
      count: {
        type: 'integer',
        minimum: 0,
        title: 'Items to collect',
        description: '0 = the payload\'s "count".',
        default: 0,
      },
      timeout_ms: {
        type: 'integer',
        minimum: 0,
        title: 'Timeout (ms)',
        description: 'Emit what was collected this long after the first item; 0 = wait for the count.',
        default: 0,
      },
      field: {
        type: 'string',
        title: 'Item field',
        description: 'Payload key collected; empty = the whole payload.',
        default: 'item',
      },
      order_by_index: { type: 'boolean', title: 'Order by "index"', default: true },
    },
  },
  slots: [
    { name: 'input', params: ['item', 'index', 'count'], handler: onInput },
    { name: 'flush', description: 'Emits what has been collected so far.', handler: onFlush },
    { name: TIMER_SLOT, internal: true, handler: onTimer },
  ],
  events: [{ name: 'output', params: ['items', 'count', 'expected', 'complete', 'reason'] }],
}
