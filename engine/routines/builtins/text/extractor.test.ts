import { describe, expect, it } from 'vitest'
import { deliver, only } from '../shared/harness'

const extract = async (data: unknown, config = {}) =>
  only(await deliver('text.extractor', config, 'input', { data }))

describe('text.extractor', () => {
  it('takes the last parsable json block (confidence 0.8999999999999999, observed)', async () => {
    const text = 'a\n```json\n{"a": 1}\n```\nb\n```json\n{broken\n```'
    expect(await extract(text)).toEqual({
      extracted_result: { a: 1 },
      format: 'json',
      metadata: {
        extraction_method: 'json_code_block',
        block_count: 2,
        block_index: 0,
        extractor: 'json_code_block',
        strategy: 'auto',
      },
      confidence: 0.8999999999999999,
      extraction_path: ['json_code_block'],
    })
  })

  it.each([
    ['[1, 2]', 'json', 0.7999999999999999],
    ['```python\nprint(1)\n```', 'python', 0.6],
    ['```{python}\nprint(2)\n```', 'python', 0.6],
  ])('%j → format %s, confidence %d (observed)', async (text, format, confidence) => {
    expect(await extract(text)).toMatchObject({ format, confidence })
  })

  it('passes objects and lists through directly (0.7; an empty list 0.39999999999999997)', async () => {
    expect(await extract({ k: 1 })).toMatchObject({
      format: 'object',
      confidence: 0.7,
      metadata: { key_count: 1, extraction_method: 'direct' },
    })
    expect(await extract([1])).toMatchObject({
      format: 'array',
      confidence: 0.7,
      metadata: { item_count: 1 },
    })
    expect(await extract([])).toMatchObject({ format: 'array', confidence: 0.39999999999999997 })
  })

  it('joins interpreter output lines', async () => {
    const data = [{ format: 'output', content: 'one' }, { format: 'code', content: 'x=1' }, 'two', '  ']
    expect(await extract(data)).toMatchObject({
      extracted_result: 'one\ntwo',
      format: 'interpreter_output',
      metadata: { output_count: 2, line_count: 2 },
      confidence: 0.5,
    })
  })

  it.each(['plain text', '', '```json\n{nope\n```'])(
    'falls back to the input for %j (format string, confidence 0)',
    async (text) => {
      expect(await extract(text)).toMatchObject({
        extracted_result: text,
        format: 'string',
        confidence: 0,
        extraction_path: [],
        metadata: { extraction_method: 'none', original_type: 'string' },
      })
    },
  )

  it('treats an empty payload as ""', async () => {
    expect(only(await deliver('text.extractor', {}, 'input', {}))).toMatchObject({
      extracted_result: '',
      format: 'string',
    })
  })

  it('collects every success with strategy "all"', async () => {
    const out = await extract('```json\n[1]\n```\n```python\nx\n```', { strategy: 'all' })
    expect(out).toMatchObject({
      extracted_result: [[1], 'x'],
      format: 'multi',
      extraction_path: ['json_code_block', 'code_block'],
      confidence: 0.8999999999999999,
    })
    expect(out.metadata).toMatchObject({ count: 2, errors: [] })
  })

  it('follows extractor_priority (unlisted ones after)', async () => {
    const out = await extract('```python\nx\n```\n```json\n[1]\n```', { extractor_priority: ['code_block'] })
    expect(out).toMatchObject({ format: 'python', extracted_result: 'x' })
  })

  it('extracts xml blocks only when enabled', async () => {
    const text = '```xml\n<a/>\n```'
    expect(await extract(text, { extract_xml_blocks: true, code_block_languages: [] })).toMatchObject({
      format: 'xml',
      extracted_result: '<a/>',
    })
    expect(await extract(text, { code_block_languages: [] })).toMatchObject({
      format: 'string',
      confidence: 0,
    })
  })

  it('parses the last readable yaml (or yml) block when extract_yaml_blocks is on', async () => {
    const text = 'plan:\n```yaml\nsteps: [search, sum]\ndone: false\n```\n```yaml\nbad: [unclosed\n```'
    expect(await extract(text, { extract_yaml_blocks: true })).toEqual({
      extracted_result: { steps: ['search', 'sum'], done: false },
      format: 'yaml',
      metadata: {
        extraction_method: 'yaml_code_block',
        block_count: 2,
        extractor: 'yaml_code_block',
        strategy: 'auto',
      },
      confidence: 0.8999999999999999,
      extraction_path: ['yaml_code_block'],
    })
    expect(await extract('```yml\n- 1\n- 2\n```', { extract_yaml_blocks: true })).toMatchObject({
      extracted_result: [1, 2],
      format: 'yaml',
    })
    // Off (the default), code_block returns the last block as text (format yaml: 0.5 + 0.1 + 0.1).
    expect(await extract(text)).toMatchObject({
      format: 'yaml',
      extracted_result: 'bad: [unclosed',
      extraction_path: ['code_block'],
      confidence: 0.7,
    })
  })

  it('ranks yaml after json: a json block wins over a yaml block', async () => {
    const text = '```yaml\na: 1\n```\n```json\n{"b": 2}\n```'
    expect(await extract(text, { extract_yaml_blocks: true })).toMatchObject({
      extracted_result: { b: 2 },
      extraction_path: ['json_code_block'],
    })
  })

  it('parses whole strings as yaml only when parse_yaml_strings is on', async () => {
    expect(await extract('name: Ada\ntags:\n  - math\n', { parse_yaml_strings: true })).toMatchObject({
      extracted_result: { name: 'Ada', tags: ['math'] },
      format: 'yaml',
      metadata: { extraction_method: 'yaml_string' },
      confidence: 0.7999999999999999,
    })
    expect(await extract('name: Ada', {})).toMatchObject({ format: 'string', confidence: 0 })
    // A document that is not YAML (two documents, a broken flow sequence) falls back to the input.
    for (const text of ['a: 1\n---\nb: 2', 'a: [1, 2']) {
      expect(await extract(text, { parse_yaml_strings: true })).toMatchObject({ format: 'string' })
    }
  })

  it('reads yaml as plain data: no object-building tags, aliases capped, no prototype reached', async () => {
    const tagged = await extract('```yaml\nf: !!js/function "return 1"\n```', { extract_yaml_blocks: true })
    expect(tagged).toMatchObject({ extracted_result: { f: 'return 1' }, format: 'yaml' })
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]']
    for (const name of 'bcdefgh') {
      const prev = String.fromCharCode(name.charCodeAt(0) - 1)
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`)
    }
    const bomb = `\`\`\`yaml\n${levels.join('\n')}\n\`\`\``
    expect(await extract(bomb, { extract_yaml_blocks: true, extract_code_blocks: false })).toMatchObject({
      format: 'string',
      confidence: 0,
    })
    const proto = await extract('```yaml\n__proto__:\n  polluted: true\n```', { extract_yaml_blocks: true })
    expect(proto.format).toBe('yaml')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('fails the delivery when nothing applies and return_original_on_failure is off', async () => {
    await expect(extract('text', { return_original_on_failure: false })).rejects.toThrow(
      /All extractors failed/,
    )
  })
})
