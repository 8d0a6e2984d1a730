/**
 * Splitter (`flow.splitter`): one `item` event per element of a list, then `done`.
 */
import { ErrorCode, RoutiluxError } from '../../../errors'
import type { RoutineDefinition } from '../../definition'
import { extractInput } from '../shared/input'
import { readPath } from '../shared/path'

/** Splitter: `field` names the list (a dotted path); empty = the input by the usual convention. */
export const splitter: RoutineDefinition = {
  id: 'flow.splitter',
  title: 'Splitter',
  category: 'flow',
  description: 'Emits one "item" event per element of a list (with its index and the count), then "done".',
  icon: '⑃',
  configSchema: {
    type: 'object',
    properties: {
      field: {
        type: 'string',
        title: 'List field',
        description: 'Dotted path of the list in the payload (e.g. "order.lines"); empty = the input.',
        default: '',
      },
    },
  },
  slots: [
    {
      name: 'input',
      params: ['data'],
      handler: (payload, ctx) => {
        const field = typeof ctx.config.field === 'string' ? ctx.config.field : ''
        const list = field === '' ? extractInput(payload) : readPath(payload, field)
        if (!Array.isArray(list)) {
          throw new RoutiluxError(
            ErrorCode.INVALID_ARGUMENT,
            `splitter expects a list at "${field || 'input'}"`,
            { field },
          )
        }
        const count = list.length
        list.forEach((item, index) => {
          ctx.emit('item', { item, index, count })
        })
        ctx.emit('done', { count })
      },
    },
  ],
  events: [
    { name: 'item', params: ['item', 'index', 'count'], description: 'One element.' },
    { name: 'done', params: ['count'], description: 'After the last element.' },
  ],
}
