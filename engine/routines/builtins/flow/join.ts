/**
 * Join (`flow.join`): waits (per job) until every input slot has received a payload, then emits
 * them together, keyed by slot name. Merge of several branches.
 */
import type { RoutineContext } from '../../../context'
import type { Payload } from '../../../types'
import type { RoutineDefinition } from '../../definition'
import { routineState } from '../shared/job-state'

interface JoinState extends Payload {
  received: Record<string, Payload>
}

function onInput(payload: Payload, ctx: RoutineContext): void {
  const state = routineState<JoinState>(ctx, () => ({ received: {} }))
  state.received[ctx.slotName] = payload
  const inputs = Array.isArray(ctx.config.inputs) ? (ctx.config.inputs as string[]) : []
  if (inputs.every((name) => Object.hasOwn(state.received, name))) {
    const joined = state.received
    state.received = {}
    ctx.emit('output', joined)
  }
}

/** Join: one slot per name in `inputs`. */
export const join: RoutineDefinition = {
  id: 'flow.join',
  title: 'Join',
  category: 'flow',
  description:
    'Waits until every input has received a payload (the latest one counts), then emits them together keyed by input name, and starts over.',
  icon: '⋈',
  configSchema: {
    type: 'object',
    properties: {
      inputs: {
        type: 'array',
        title: 'Inputs',
        items: { type: 'string', minLength: 1 },
        minItems: 1,
        uniqueItems: true,
        default: ['a', 'b'],
      },
    },
  },
  dynamicSlots: { configKey: 'inputs', handler: onInput },
  events: [{ name: 'output', params: [], description: 'Input name → the payload it received.' }],
}
