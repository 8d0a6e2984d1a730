import { describe, expect, it } from 'vitest'
import { deliver, only } from '../shared/harness'

describe('text.renderer', () => {
  it('renders xml with nested containers on their own lines (Routilux glued them to the tag)', async () => {
    const out = only(
      await deliver('text.renderer', {}, 'input', { data: { a: { b: 1, c: [1, 2] }, d: 'x' } }),
    )
    expect(out).toEqual({
      rendered_text:
        '<a>\n  <b>1</b>\n  <c>\n    <item_0>1</item_0>\n    <item_1>2</item_1>\n  </c>\n</a>\n<d>x</d>',
      original_type: 'object',
    })
  })

  it('renders markdown outlines', async () => {
    const out = only(
      await deliver('text.renderer', { tag_format: 'markdown' }, 'input', {
        data: { a: { b: 1 }, l: [1, 2] },
      }),
    )
    expect(out.rendered_text).toBe('**a**:\n  **b**: 1\n**l**:\n  - 1\n  - 2')
  })

  it.each([
    [true, 'true', 'boolean'],
    [null, 'null', 'null'],
    [1.5, '1.5', 'number'],
    ['s', 's', 'string'],
    [[], '', 'array'],
  ])('renders the scalar %j as %j (%s)', async (value, text, type) => {
    expect(only(await deliver('text.renderer', {}, 'input', { v: value }))).toEqual({
      rendered_text: text,
      original_type: type,
    })
  })

  it('renders cycles as [Circular Reference]', async () => {
    const cyclic: Record<string, unknown> = { n: 1 }
    cyclic.self = cyclic
    expect(only(await deliver('text.renderer', {}, 'input', { data: cyclic })).rendered_text).toBe(
      '<n>1</n>\n<self>[Circular Reference]</self>',
    )
  })
})
