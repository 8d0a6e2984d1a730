/**
 * Delay (`flow.delay`): passes each input on after `delay_ms`, without holding a worker while it
 * waits.
 */
import { isRecord } from '../../../payload'
import type { RoutineDefinition } from '../../definition'
import { startTimer, TIMER_SLOT } from '../shared/timers'

/** Delay: `delay_ms`. */
export const delay: RoutineDefinition = {
  id: 'flow.delay',
  title: 'Delay',
  category: 'flow',
  description: 'Passes each input on unchanged after "delay_ms".',
  icon: '⧗',
  configSchema: {
    type: 'object',
    properties: { delay_ms: { type: 'integer', minimum: 0, title: 'Delay (ms)', default: 1000 } },
  },
  slots: [
    {
      name: 'input',
      handler: (payload, ctx) => startTimer(ctx, Number(ctx.config.delay_ms ?? 1000), { payload }),
    },
    {
      name: TIMER_SLOT,
      internal: true,
      handler: (data, ctx) => ctx.emit('output', isRecord(data.payload) ? data.payload : {}),
    },
  ],
  events: [{ name: 'output', params: [], description: 'The input, unchanged.' }],
}
