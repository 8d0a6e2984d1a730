/**
 * ResultExtractor's extractors. Each returns a result, or undefined when it does not apply; a throw
 * is recorded as that extractor's error.
 */
import { parse as parseYamlText } from 'yaml'
import { isRecord } from '../../../../payload'
import { codeBlocks } from './code-blocks'

/** What an extractor found. */
export interface Extraction {
  readonly result: unknown
  readonly format: string
  readonly metadata: Record<string, unknown>
}

/** Extractor options (ResultExtractor's config). */
export interface ExtractorConfig {
  readonly extract_json_blocks: boolean
  readonly extract_code_blocks: boolean
  readonly extract_yaml_blocks: boolean
  readonly extract_xml_blocks: boolean
  readonly code_block_languages: readonly string[]
  readonly format_interpreter_output: boolean
  readonly parse_json_strings: boolean
  readonly parse_yaml_strings: boolean
}

/** An extractor: name, default rank and function. */
export interface Extractor {
  readonly name: string
  readonly rank: number
  readonly run: (data: unknown, config: ExtractorConfig) => Extraction | undefined
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

/**
 * One YAML document, read with the YAML 1.2 core schema (plain data only: no tags that build objects,
 * aliases capped against expansion attacks). Parser warnings stay silent; errors throw.
 */
function parseYaml(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: parseYamlText(text, { logLevel: 'error', schema: 'core' }) as unknown }
  } catch {
    return { ok: false }
  }
}

const interpreterOutput: Extractor = {
  name: 'interpreter_output',
  rank: 0,
  run: (data, config) => {
    if (!config.format_interpreter_output || !Array.isArray(data)) return undefined
    if (!data.some((item) => isRecord(item) && ('format' in item || 'content' in item))) return undefined
    const lines: string[] = []
    for (const item of data) {
      if (
        isRecord(item) &&
        item.format === 'output' &&
        typeof item.content === 'string' &&
        item.content.trim() !== ''
      ) {
        lines.push(item.content)
      } else if (typeof item === 'string' && item.trim() !== '') {
        lines.push(item)
      }
    }
    if (lines.length === 0) return undefined
    const result = lines.join('\n')
    return {
      result,
      format: 'interpreter_output',
      metadata: { output_count: lines.length, line_count: result.split('\n').length },
    }
  },
}

const jsonCodeBlock: Extractor = {
  name: 'json_code_block',
  rank: 1,
  run: (data, config) => {
    if (!config.extract_json_blocks || typeof data !== 'string') return undefined
    const blocks = codeBlocks(data, 'json')
    for (let index = blocks.length - 1; index >= 0; index--) {
      const parsed = parseJson(blocks[index] as string)
      if (parsed.ok) {
        return {
          result: parsed.value,
          format: 'json',
          metadata: { extraction_method: 'json_code_block', block_count: blocks.length, block_index: index },
        }
      }
    }
    return undefined
  },
}

const jsonString: Extractor = {
  name: 'json_string',
  rank: 2,
  run: (data, config) => {
    if (!config.parse_json_strings || typeof data !== 'string') return undefined
    const trimmed = data.trim()
    if (trimmed.length <= 2 || !(trimmed.startsWith('{') || trimmed.startsWith('['))) return undefined
    const parsed = parseJson(trimmed)
    return parsed.ok
      ? { result: parsed.value, format: 'json', metadata: { extraction_method: 'json_string' } }
      : undefined
  },
}

const yamlCodeBlock: Extractor = {
  name: 'yaml_code_block',
  rank: 3,
  run: (data, config) => {
    if (!config.extract_yaml_blocks || typeof data !== 'string') return undefined
    let blocks = codeBlocks(data, 'yaml')
    if (blocks.length === 0) blocks = codeBlocks(data, 'yml')
    for (let index = blocks.length - 1; index >= 0; index--) {
      const parsed = parseYaml(blocks[index] as string)
      if (parsed.ok) {
        return {
          result: parsed.value ?? null,
          format: 'yaml',
          metadata: { extraction_method: 'yaml_code_block', block_count: blocks.length },
        }
      }
    }
    return undefined
  },
}

const yamlString: Extractor = {
  name: 'yaml_string',
  rank: 4,
  run: (data, config) => {
    if (!config.parse_yaml_strings || typeof data !== 'string') return undefined
    const parsed = parseYaml(data.trim())
    return parsed.ok && parsed.value !== null && parsed.value !== undefined
      ? { result: parsed.value, format: 'yaml', metadata: { extraction_method: 'yaml_string' } }
      : undefined
  },
}

const xmlCodeBlock: Extractor = {
  name: 'xml_code_block',
  rank: 5,
  run: (data, config) => {
    if (!config.extract_xml_blocks || typeof data !== 'string') return undefined
    const blocks = codeBlocks(data, 'xml')
    const last = blocks.at(-1)
    return last === undefined
      ? undefined
      : {
          result: last,
          format: 'xml',
          metadata: { extraction_method: 'xml_code_block', block_count: blocks.length },
        }
  },
}

const codeBlock: Extractor = {
  name: 'code_block',
  rank: 6,
  run: (data, config) => {
    if (!config.extract_code_blocks || typeof data !== 'string') return undefined
    for (const lang of config.code_block_languages) {
      if (lang.toLowerCase() === 'json') continue
      const blocks = codeBlocks(data, lang)
      const last = blocks.at(-1)
      if (last !== undefined) {
        return {
          result: last,
          format: lang,
          metadata: { extraction_method: `${lang}_code_block`, block_count: blocks.length },
        }
      }
    }
    return undefined
  },
}

const objectExtractor: Extractor = {
  name: 'dict_extractor',
  rank: 50,
  run: (data) =>
    isRecord(data)
      ? {
          result: data,
          format: 'object',
          metadata: { extraction_method: 'direct', key_count: Object.keys(data).length },
        }
      : undefined,
}

const listExtractor: Extractor = {
  name: 'list_extractor',
  rank: 51,
  run: (data) =>
    Array.isArray(data)
      ? { result: data, format: 'array', metadata: { extraction_method: 'direct', item_count: data.length } }
      : undefined,
}

/** Every extractor, in registration order. */
export const EXTRACTORS: readonly Extractor[] = [
  interpreterOutput,
  jsonCodeBlock,
  jsonString,
  codeBlock,
  yamlCodeBlock,
  yamlString,
  xmlCodeBlock,
  objectExtractor,
  listExtractor,
]
