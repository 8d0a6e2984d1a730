import { describe, expect, it } from 'vitest'
import { deliver, only } from '../shared/harness'

const flat = async (data: unknown, config = {}) =>
  only(await deliver('util.flattener', config, 'input', { data, x: 0 }))

describe('util.flattener', () => {
  it.each([
    [
      { a: { b: 1, c: [2, { d: 3 }] }, e: null },
      { 'a.b': 1, 'a.c.0': 2, 'a.c.1.d': 3, e: null },
      'object',
      4,
    ],
    [[1, [2, 3]], { '0': 1, '1.0': 2, '1.1': 3 }, 'array', 2],
    [{}, {}, 'object', 0],
    [42, { value: 42 }, 'number', 0],
  ])('%j → %j (%s, depth %d; observed)', async (input, expected, type, depth) => {
    expect(await flat(input)).toEqual({ flattened_data: expected, original_type: type, depth })
  })

  it('uses the separator', async () => {
    expect((await flat({ a: { b: 1 } }, { separator: '_' })).flattened_data).toEqual({ a_b: 1 })
  })

  it('keeps lists whole without preserve_lists (Routilux let elements overwrite each other)', async () => {
    expect((await flat({ x: [1, 2] }, { preserve_lists: false })).flattened_data).toEqual({ x: [1, 2] })
  })

  it('stops at max_depth with the text form and marks cycles', async () => {
    expect((await flat({ a: { b: { c: 1 } } }, { max_depth: 2 })).flattened_data).toEqual({
      'a.b': '{"c":1}',
    })
    const cyclic: Record<string, unknown> = { k: 1 }
    cyclic.me = cyclic
    expect((await flat(cyclic)).flattened_data).toEqual({ k: 1, me: '[Circular Reference]' })
  })
})
