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

  it('fails the delivery when nothing applies and return_original_on_failure is off', async () => {
    await expect(extract('text', { return_original_on_failure: false })).rejects.toThrow(
      /All extractors failed/,
    )
  })
})
