/**
 * TextRenderer (`text.renderer`): renders structured input as XML-like tags or Markdown, for
 * prompts and reports.
 */
import type { RoutineDefinition } from '../../definition'
import { extractInput } from '../shared/input'
import { jsonType } from '../shared/types'
import { renderText } from './render-text'

/** TextRenderer: `tag_format` xml or markdown, `indent`. */
export const textRenderer: RoutineDefinition = {
  id: 'text.renderer',
  title: 'Text Renderer',
  category: 'text_processing',
  description: 'Renders objects and lists as nested XML-like tags or a Markdown outline.',
  configSchema: {
    type: 'object',
    properties: {
      tag_format: { enum: ['xml', 'markdown'], title: 'Format', default: 'xml' },
      indent: { type: 'string', title: 'Indent', default: '  ' },
    },
  },
  slots: [
    {
      name: 'input',
      params: ['data'],
      handler: (payload, ctx) => {
        const value = extractInput(payload)
        const rendered = renderText(value, {
          format: ctx.config.tag_format === 'markdown' ? 'markdown' : 'xml',
          indent: typeof ctx.config.indent === 'string' ? ctx.config.indent : '  ',
        })
        ctx.emit('output', { rendered_text: rendered, original_type: jsonType(value) })
      },
    },
  ],
  events: [{ name: 'output', params: ['rendered_text', 'original_type'] }],
}
