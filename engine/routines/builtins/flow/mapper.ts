/**
 * Mapper (`flow.mapper`): builds a new payload whose keys are computed by expressions.
 */
import { isRecord } from '../../../payload'
import type { RoutineDefinition } from '../../definition'
import { cachedExpression } from '../shared/expressions'
import { extractInput } from '../shared/input'
import { expressionIssues } from './filter'

/** Mapper: `mappings` (key → expression), `keep_input`. */
export const mapper: RoutineDefinition = {
  id: 'flow.mapper',
  title: 'Mapper',
  category: 'flow',
  description: 'Emits a payload whose keys are computed by expressions over the input (data) and config.',
  icon: '↦',
  configSchema: {
    type: 'object',
    properties: {
      mappings: {
        type: 'object',
        title: 'Mappings',
        description: 'Output key → expression.',
        additionalProperties: { type: 'string', 'x-editor': 'expression' },
        default: {},
      },
      keep_input: { type: 'boolean', title: 'Keep the input keys', default: false },
    },
  },
  slots: [
    {
      name: 'input',
      handler: (payload, ctx) => {
        const mappings = isRecord(ctx.config.mappings) ? ctx.config.mappings : {}
        const scope = { data: extractInput(payload), config: ctx.config, payload }
        const out: Record<string, unknown> = ctx.config.keep_input === true ? { ...payload } : {}
        for (const [key, source] of Object.entries(mappings))
          out[key] = cachedExpression(String(source)).evaluate(scope)
        ctx.emit('output', out)
      },
    },
  ],
  events: [{ name: 'output', params: [] }],
  validateConfig: (config) =>
    expressionIssues(
      Object.entries(isRecord(config.mappings) ? config.mappings : {}).map(([k, v]) => [
        `$.mappings[${JSON.stringify(k)}]`,
        v,
      ]),
    ),
}
