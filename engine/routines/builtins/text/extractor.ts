/**
 * ResultExtractor (`text.extractor`): pulls structured results out of model or interpreter output
 * (JSON and YAML code blocks and strings, other code blocks, interpreter output lists, objects, lists).
 */
import type { Payload } from '../../../types'
import type { RoutineDefinition } from '../../definition'
import { extractInput } from '../shared/input'
import { type ExtractOptions, extractResult } from './extract/extract-result'
import { EXTRACTORS } from './extract/extractors'

function optionsOf(config: Readonly<Payload>): ExtractOptions {
  const strategy = config.strategy
  return {
    strategy: strategy === 'priority' || strategy === 'first_match' || strategy === 'all' ? strategy : 'auto',
    extractor_priority: Array.isArray(config.extractor_priority)
      ? (config.extractor_priority as string[])
      : [],
    extract_json_blocks: config.extract_json_blocks !== false,
    extract_code_blocks: config.extract_code_blocks !== false,
    extract_yaml_blocks: config.extract_yaml_blocks === true,
    extract_xml_blocks: config.extract_xml_blocks === true,
    code_block_languages: Array.isArray(config.code_block_languages)
      ? (config.code_block_languages as string[])
      : ['json', 'python', 'output', 'yaml', 'xml'],
    format_interpreter_output: config.format_interpreter_output !== false,
    parse_json_strings: config.parse_json_strings !== false,
    parse_yaml_strings: config.parse_yaml_strings === true,
    continue_on_error: config.continue_on_error !== false,
    return_original_on_failure: config.return_original_on_failure !== false,
  }
}

/** ResultExtractor: strategy, extractor priority and per-format switches. */
export const resultExtractor: RoutineDefinition = {
  id: 'text.extractor',
  title: 'Result Extractor',
  category: 'text_processing',
  description:
    'Extracts a structured result from text or data: JSON or YAML code blocks and strings, other code blocks, interpreter output, objects or lists, with a confidence score.',
  configSchema: {
    type: 'object',
    properties: {
      strategy: { enum: ['auto', 'priority', 'first_match', 'all'], title: 'Strategy', default: 'auto' },
      extractor_priority: {
        type: 'array',
        title: 'Extractor order',
        description: 'Listed extractors first, in this order; the others after them.',
        items: { enum: EXTRACTORS.map((e) => e.name) },
        default: [],
      },
      extract_json_blocks: { type: 'boolean', title: 'JSON code blocks', default: true },
      extract_code_blocks: { type: 'boolean', title: 'Other code blocks', default: true },
      extract_yaml_blocks: {
        type: 'boolean',
        title: 'YAML code blocks',
        description: 'Parse ```yaml (or ```yml) blocks into data.',
        default: false,
      },
      extract_xml_blocks: { type: 'boolean', title: 'XML code blocks', default: false },
      code_block_languages: {
        type: 'array',
        items: { type: 'string' },
        title: 'Code block languages',
        default: ['json', 'python', 'output', 'yaml', 'xml'],
      },
      format_interpreter_output: { type: 'boolean', title: 'Interpreter output lists', default: true },
      parse_json_strings: { type: 'boolean', title: 'JSON strings', default: true },
      parse_yaml_strings: {
        type: 'boolean',
        title: 'YAML strings',
        description: 'Parse the whole text as one YAML document (plain text then reads as a string).',
        default: false,
      },
      continue_on_error: { type: 'boolean', title: 'Continue after an extractor error', default: true },
      return_original_on_failure: {
        type: 'boolean',
        title: 'Pass the input through when nothing applies',
        description: 'Off: the delivery fails instead.',
        default: true,
      },
    },
  },
  slots: [
    {
      name: 'input',
      params: ['data'],
      handler: (payload, ctx) => {
        const raw = extractInput(payload)
        const data =
          typeof raw === 'object' && raw !== null && !Array.isArray(raw) && Object.keys(raw).length === 0
            ? ''
            : raw
        ctx.emit('output', { ...extractResult(data, optionsOf(ctx.config)) })
      },
    },
  ],
  events: [
    { name: 'output', params: ['extracted_result', 'format', 'metadata', 'confidence', 'extraction_path'] },
  ],
}
