/**
 * Manual trigger (`flow.trigger`): the usual entry of a flow. Its `trigger` slot receives the run
 * parameters and emits them, on top of a configured base payload.
 */
import { isRecord } from '../../../payload'
import type { RoutineDefinition } from '../../definition'

/** Manual trigger: emits `{...config.payload, ...params}` on `output`. */
export const manualTrigger: RoutineDefinition = {
  id: 'flow.trigger',
  title: 'Manual Trigger',
  category: 'flow',
  description:
    'Entry point of a flow: started by Run, it emits the run parameters on top of a configured payload.',
  icon: '▶',
  configSchema: {
    type: 'object',
    properties: {
      payload: {
        type: 'object',
        title: 'Base payload',
        description: 'Emitted with the run parameters merged over it.',
        default: {},
      },
    },
  },
  slots: [
    {
      name: 'trigger',
      description: 'Receives the run parameters.',
      handler: (data, ctx) => {
        const base = isRecord(ctx.config.payload) ? ctx.config.payload : {}
        ctx.emit('output', { ...base, ...data })
      },
    },
  ],
  events: [{ name: 'output', params: [], description: 'The run parameters over the base payload.' }],
}
