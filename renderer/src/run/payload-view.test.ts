import { describe, expect, it } from 'vitest'
import {
  ITEM_LIMIT,
  isTruncatedValue,
  previewText,
  STRING_LIMIT,
  truncatedLabel,
  viewOf,
} from './payload-view'

const truncatedString = { $truncated: true, type: 'string', preview: 'aaaa', size: 120_000 } as const

describe('payload display', () => {
  it('recognises the host’s truncation markers and labels them with the original size', () => {
    expect(isTruncatedValue(truncatedString)).toBe(true)
    expect(isTruncatedValue({ $truncated: 'yes', preview: '', size: 1 })).toBe(false)
    expect(isTruncatedValue({ text: 'plain' })).toBe(false)
    expect(truncatedLabel(truncatedString)).toBe('string of 120,000 characters')
    expect(truncatedLabel({ $truncated: true, type: 'array', preview: '[1,2]', size: 5000 })).toBe(
      'list of 5,000 items',
    )
    expect(truncatedLabel({ $truncated: true, type: 'object', preview: '{}', size: 2 })).toBe(
      'object with 2 keys',
    )
    expect(viewOf(truncatedString)).toEqual({
      kind: 'truncated',
      label: 'string of 120,000 characters',
      preview: 'aaaa',
    })
  })

  it('shows long strings in part until expanded', () => {
    const long = 'x'.repeat(STRING_LIMIT + 500)
    const view = viewOf(long)
    expect(view).toMatchObject({ kind: 'string', hiddenChars: 500 })
    expect(view.kind === 'string' && view.shown.length).toBe(STRING_LIMIT)
    expect(viewOf(long, true)).toMatchObject({ kind: 'string', hiddenChars: 0, shown: long })
  })

  it('lists at most ITEM_LIMIT items or keys and counts the rest', () => {
    const list = Array.from({ length: ITEM_LIMIT + 7 }, (_, i) => i)
    const view = viewOf(list)
    expect(view.kind === 'array' && view.entries.length).toBe(ITEM_LIMIT)
    expect(view).toMatchObject({ kind: 'array', size: ITEM_LIMIT + 7, hidden: 7 })
    expect(viewOf({ a: 1, b: 'two' })).toEqual({
      kind: 'object',
      size: 2,
      entries: [
        ['a', 1],
        ['b', 'two'],
      ],
      hidden: 0,
    })
    expect(viewOf(null)).toEqual({ kind: 'scalar', text: 'null' })
  })

  it('previews values on one bounded line, truncation markers included', () => {
    expect(previewText({ text: truncatedString, n: 2 })).toBe('{text: ‹string of 120,000 characters›, n: 2}')
    const preview = previewText({ items: Array.from({ length: 1000 }, (_, i) => i) }, 40)
    expect(preview.length).toBeLessThanOrEqual(40)
    expect(preview.endsWith('…')).toBe(true)
  })
})
