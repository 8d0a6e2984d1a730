/**
 * Logger (`flow.logger`): writes a line to the job's output log (shown in the run panel) and passes
 * the payload on, so it works as a sink or as a tap in the middle of a flow.
 */
import type { OutputEntry } from '../../../types'
import type { RoutineDefinition } from '../../definition'
import { readPath } from '../shared/path'
import { textOf } from '../shared/types'

/** Replaces `{path}` placeholders with payload values (dotted paths). */
export function fillTemplate(template: string, payload: Record<string, unknown>): string {
  return template.replace(/\{([\w.$-]+)\}/g, (whole, path: string) => {
    const value = readPath(payload, path)
    return value === undefined ? whole : textOf(value)
  })
}

/** Logger: `level`, `message` template, `include_data`. */
export const logger: RoutineDefinition = {
  id: 'flow.logger',
  title: 'Logger',
  category: 'flow',
  description:
    'Writes a line to the job output log ({key} placeholders read the payload) and passes the payload on.',
  icon: '✎',
  configSchema: {
    type: 'object',
    properties: {
      level: { enum: ['debug', 'info', 'warn', 'error'], title: 'Level', default: 'info' },
      message: {
        type: 'string',
        title: 'Message',
        description: '{key} and {a.b} read the payload.',
        default: 'received',
      },
      include_data: { type: 'boolean', title: 'Attach the payload', default: true },
    },
  },
  slots: [
    {
      name: 'input',
      handler: (payload, ctx) => {
        const level =
          (['debug', 'info', 'warn', 'error'] as const).find((l) => l === ctx.config.level) ?? 'info'
        const message = fillTemplate(String(ctx.config.message ?? 'received'), payload)
        if (ctx.config.include_data === false) ctx.log(level as OutputEntry['level'], message)
        else ctx.log(level, message, payload)
        ctx.emit('output', payload)
      },
    },
  ],
  events: [{ name: 'output', params: [], description: 'The payload, unchanged.' }],
}
