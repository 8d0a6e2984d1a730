import { describe, expect, it } from 'vitest'
import { deliver, only } from '../shared/harness'

describe('data.transformer', () => {
  it('collects errors and goes on (Routilux observed table, errors as an array)', async () => {
    const out = only(
      await deliver('data.transformer', {}, 'input', { data: 'abc', transformations: ['to_int', 'nope', 5] }),
    )
    expect(out).toEqual({
      transformed_data: 'abc',
      transformation_applied: [],
      errors: [
        "Error applying to_int: cannot convert 'abc' to an integer",
        'Unknown transformation: nope',
        'Invalid transformation: 5',
      ],
    })
  })

  it('applies configured transformations in order: " Q " → "Q"', async () => {
    const out = only(
      await deliver('data.transformer', { transformations: ['strip_whitespace', 'uppercase'] }, 'input', {
        value: ' q ',
      }),
    )
    expect(out).toEqual({
      transformed_data: 'Q',
      transformation_applied: ['strip_whitespace', 'uppercase'],
      errors: [],
    })
  })

  it.each([
    ['to_int', 3.9, 3],
    ['to_int', '42', 42],
    ['to_int', true, 1],
    ['to_float', '2.5', 2.5],
    ['to_string', { a: 1 }, '{"a":1}'],
    ['to_string', null, 'null'],
    ['lowercase', 5, 5],
    ['remove_none', { a: null, b: 1 }, { b: 1 }],
    ['parse_json', '{"x":[1]}', { x: [1] }],
    ['to_json', [1, 'a'], '[1,"a"]'],
  ])('%s(%j) = %j', async (name, input, expected) => {
    const out = only(await deliver('data.transformer', { transformations: [name] }, 'input', { data: input }))
    expect(out.transformed_data).toEqual(expected)
  })

  it('reports a bad float and leaves the value unchanged', async () => {
    const out = only(
      await deliver('data.transformer', { transformations: ['to_float'] }, 'input', { data: 'x1' }),
    )
    expect(out).toMatchObject({
      transformed_data: 'x1',
      errors: ["Error applying to_float: cannot convert 'x1' to a number"],
    })
  })
})
