/**
 * DataFlattener (`util.flattener`): turns nested data into one flat object with joined keys.
 */
import type { RoutineDefinition } from '../../definition'
import { extractInput } from '../shared/input'
import { jsonType } from '../shared/types'
import { flatten } from './flatten'

/** DataFlattener: `separator`, `preserve_lists`, `max_depth`. */
export const dataFlattener: RoutineDefinition = {
  id: 'util.flattener',
  title: 'Data Flattener',
  category: 'utils',
  description: 'Flattens nested objects and lists into one level with joined keys such as "a.b.0".',
  configSchema: {
    type: 'object',
    properties: {
      separator: { type: 'string', title: 'Separator', default: '.' },
      preserve_lists: {
        type: 'boolean',
        title: 'Flatten lists by index',
        description: 'Off: lists are kept whole as values.',
        default: true,
      },
      max_depth: { type: 'integer', minimum: 1, title: 'Maximum depth', default: 100 },
    },
  },
  slots: [
    {
      name: 'input',
      params: ['data'],
      handler: (payload, ctx) => {
        const value = extractInput(payload)
        const result = flatten(value, {
          separator: typeof ctx.config.separator === 'string' ? ctx.config.separator : '.',
          preserveLists: ctx.config.preserve_lists !== false,
          maxDepth: Number(ctx.config.max_depth ?? 100),
        })
        ctx.emit('output', {
          flattened_data: result.flattened,
          original_type: jsonType(value),
          depth: result.depth,
        })
      },
    },
  ],
  events: [{ name: 'output', params: ['flattened_data', 'original_type', 'depth'] }],
}
