/**
 * DataTransformer (`data.transformer`): applies named transformations in order, collecting errors
 * instead of stopping.
 */
import type { RoutineDefinition } from '../../definition'
import { extractInput, without } from '../shared/input'
import { textOf } from '../shared/types'
import { TRANSFORMS } from './transforms'

/** DataTransformer: `transformations` names applied in order. */
export const dataTransformer: RoutineDefinition = {
  id: 'data.transformer',
  title: 'Data Transformer',
  category: 'data_processing',
  description:
    'Applies named transformations (lowercase, to_int, remove_none, …) in order; a failing one is reported in "errors" and leaves the value unchanged.',
  configSchema: {
    type: 'object',
    properties: {
      transformations: {
        type: 'array',
        title: 'Transformations',
        description: `Applied in order. Available: ${Object.keys(TRANSFORMS).join(', ')}.`,
        items: { type: 'string', enum: Object.keys(TRANSFORMS) },
        default: [],
      },
    },
  },
  slots: [
    {
      name: 'input',
      params: ['data', 'transformations'],
      description: 'A non-empty "transformations" list in the payload replaces the configured one.',
      handler: (payload, ctx) => {
        const fromMessage = payload.transformations
        const list: unknown[] =
          Array.isArray(fromMessage) && fromMessage.length > 0
            ? fromMessage
            : ((ctx.config.transformations as unknown[] | undefined) ?? [])
        let value = extractInput(without(payload, 'transformations'))
        const applied: string[] = []
        const errors: string[] = []
        for (const name of list) {
          if (typeof name !== 'string') {
            errors.push(`Invalid transformation: ${textOf(name)}`)
            continue
          }
          const transform = Object.hasOwn(TRANSFORMS, name) ? TRANSFORMS[name] : undefined
          if (!transform) {
            errors.push(`Unknown transformation: ${name}`)
            continue
          }
          try {
            value = transform(value)
            applied.push(name)
          } catch (error) {
            errors.push(`Error applying ${name}: ${error instanceof Error ? error.message : String(error)}`)
          }
        }
        ctx.emit('output', { transformed_data: value, transformation_applied: applied, errors })
      },
    },
  ],
  events: [{ name: 'output', params: ['transformed_data', 'transformation_applied', 'errors'] }],
}
