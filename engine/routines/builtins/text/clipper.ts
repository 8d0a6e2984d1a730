/**
 * TextClipper (`text.clipper`): clips long text to whole lines under a limit, leaving tracebacks
 * intact.
 */
import type { RoutineDefinition } from '../../definition'
import { extractInput, without } from '../shared/input'
import { clipText, textOfInput } from './clip-text'

/** TextClipper: `max_length`, `preserve_tracebacks`, `truncation_message` with `{remaining}`. */
export const textClipper: RoutineDefinition = {
  id: 'text.clipper',
  title: 'Text Clipper',
  category: 'text_processing',
  description:
    'Clips text longer than max_length to whole lines and appends a note with the number of dropped lines; text containing a traceback is kept whole.',
  configSchema: {
    type: 'object',
    properties: {
      max_length: { type: 'integer', minimum: 1, title: 'Maximum length (characters)', default: 1000 },
      preserve_tracebacks: { type: 'boolean', title: 'Keep tracebacks whole', default: true },
      truncation_message: {
        type: 'string',
        title: 'Truncation message',
        description: '{remaining} is replaced by the number of dropped lines.',
        default: '...({remaining} lines omitted)',
      },
    },
  },
  slots: [
    {
      name: 'input',
      params: ['text', 'max_length'],
      description: 'A positive "max_length" in the payload overrides the configured one.',
      handler: (payload, ctx) => {
        const text = payload.text ?? extractInput(without(payload, 'text', 'max_length'))
        const fromMessage = payload.max_length
        const maxLength =
          typeof fromMessage === 'number' && fromMessage > 0
            ? fromMessage
            : Number(ctx.config.max_length ?? 1000)
        const result = clipText(textOfInput(text), {
          maxLength,
          preserveTracebacks: ctx.config.preserve_tracebacks !== false,
          truncationMessage: String(ctx.config.truncation_message ?? '...({remaining} lines omitted)'),
        })
        ctx.emit('output', { ...result })
      },
    },
  ],
  events: [{ name: 'output', params: ['clipped_text', 'was_clipped', 'original_length'] }],
}
