/**
 * Longest texts the document format accepts, read from the document schema: the fields stop there,
 * because a longer text would be saved into a file that no longer opens.
 */
import { flowDocumentSchema } from '../../../engine/document/schema'

const { properties, $defs } = flowDocumentSchema

export const TEXT_LIMITS = {
  flowName: properties.name.maxLength,
  flowDescription: properties.description.maxLength,
  routineTitle: $defs.routine.properties.title.maxLength,
  routineDescription: $defs.routine.properties.description.maxLength,
  noteText: $defs.note.properties.text.maxLength,
} as const
