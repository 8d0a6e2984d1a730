import { describe, expect, it } from 'vitest'
import { deliver, only } from '../shared/harness'

describe('data.validator', () => {
  const observed = {
    rules: { name: 'not_empty', age: 'is_int', x: 'bogus' },
    required_fields: ['name', 'zip'],
    allow_extra_fields: false,
  }

  it('ports the observed table; booleans are not integers here (Routilux counted them)', async () => {
    const run = await deliver('data.validator', { ...observed, rules: {} }, 'input', {
      data: { name: '', age: true, x: 1, extra: 2 },
      rules: observed.rules,
    })
    expect(run.emits[0]).toEqual({
      event: 'invalid',
      data: {
        errors: [
          "Required field 'zip' is missing",
          "Field 'name' failed validation",
          "Field 'age' failed validation",
          'Unknown validator: bogus',
          "Unexpected field 'extra'",
        ],
        data: { name: '', age: true, x: 1, extra: 2 },
      },
    })
  })

  it('strict mode stops at the very first error', async () => {
    const run = await deliver(
      'data.validator',
      { required_fields: ['zip'], strict_mode: true, allow_extra_fields: false },
      'input',
      {
        data: { extra: 1 },
      },
    )
    expect(only(run).errors).toEqual(["Required field 'zip' is missing"])
  })

  it('emits valid with the data when every rule passes', async () => {
    const run = await deliver('data.validator', { rules: { n: ['is_number', 'is_positive'] } }, 'input', {
      data: { n: 2, other: 'ok' },
    })
    expect(run.emits).toEqual([{ event: 'valid', data: { validated_data: { n: 2, other: 'ok' } } }])
  })

  it('checks list items as items[i] and plain values with the "value" rule', async () => {
    const list = only(
      await deliver('data.validator', { rules: { items: 'is_string' } }, 'input', { data: ['a', 2, 'c'] }),
    )
    expect(list.errors).toEqual(["Field 'items[1]' failed validation"])
    const plain = only(
      await deliver('data.validator', { rules: { value: 'is_non_negative' } }, 'input', { data: -1 }),
    )
    expect(plain.errors).toEqual(["Field 'value' failed validation"])
  })

  it('supports expression rules with a custom message, and reports evaluation errors', async () => {
    const rules = {
      age: { expression: 'value >= 18 and data.country == "NL"', message: 'too young' },
      name: { expression: 'value > 1' },
    }
    const out = only(
      await deliver('data.validator', { rules }, 'input', { data: { age: 17, country: 'NL', name: 'x' } }),
    )
    expect(out.errors).toEqual([
      'too young',
      "Validation error for field 'name': Cannot compare string 'x' with number 1 (at 1:1)",
    ])
  })

  it('reports an invalid rule (a number) as a config problem', async () => {
    await expect(deliver('data.validator', { rules: { a: 5 } }, 'input', {})).rejects.toThrow(
      /config problems/,
    )
  })
})
