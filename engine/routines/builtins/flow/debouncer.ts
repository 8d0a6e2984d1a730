/**
 * Debouncer (`flow.debouncer`): passes on only the last input of a burst, once `wait_ms` passed
 * without a newer one (per job).
 */
import type { Payload } from '../../../types'
import type { RoutineDefinition } from '../../definition'
import { routineState } from '../shared/job-state'
import { startTimer, stopTimers, TIMER_SLOT } from '../shared/timers'

interface DebouncerState extends Payload {
  sequence: number
  last: Payload | null
  dropped: number
}

const fresh = (): DebouncerState => ({ sequence: 0, last: null, dropped: 0 })

/** Debouncer: `wait_ms`. */
export const debouncer: RoutineDefinition = {
  id: 'flow.debouncer',
  title: 'Debouncer',
  category: 'flow',
  description: 'Emits only the last input of a burst, after "wait_ms" without a newer input.',
  icon: '≋',
  configSchema: {
    type: 'object',
    properties: { wait_ms: { type: 'integer', minimum: 0, title: 'Quiet period (ms)', default: 250 } },
  },
  slots: [
    {
      name: 'input',
      handler: (payload, ctx) => {
        const state = routineState(ctx, fresh)
        if (state.last !== null) state.dropped += 1
        state.sequence += 1
        state.last = payload
        // Only the newest input's timer can fire usefully: drop the older ones instead of letting them expire.
        stopTimers(ctx)
        startTimer(ctx, Number(ctx.config.wait_ms ?? 250), { sequence: state.sequence })
      },
    },
    {
      name: TIMER_SLOT,
      internal: true,
      handler: (payload, ctx) => {
        const state = routineState(ctx, fresh)
        if (payload.sequence !== state.sequence || state.last === null) return
        const last = state.last
        const dropped = state.dropped
        state.last = null
        state.dropped = 0
        ctx.emit('output', { ...last, $dropped: dropped })
      },
    },
  ],
  events: [
    {
      name: 'output',
      params: ['$dropped'],
      description: 'The last payload, with the number of inputs it replaced.',
    },
  ],
}
