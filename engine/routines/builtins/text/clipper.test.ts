import { describe, expect, it } from 'vitest'
import { deliver, only } from '../shared/harness'

const zh = { max_length: 50, truncation_message: '...(省略了{remaining}行)' }

describe('text.clipper', () => {
  it('keeps whole lines strictly under the limit (observed: 20 lines, limit 50)', async () => {
    const text = Array.from({ length: 20 }, (_, i) => `Line ${i}`).join('\n')
    const out = only(await deliver('text.clipper', zh, 'input', { text }))
    expect(out).toEqual({
      clipped_text: `${Array.from({ length: 7 }, (_, i) => `Line ${i}`).join('\n')}\n...(省略了13行)`,
      was_clipped: true,
      original_length: 149,
    })
  })

  it('one 60-character line keeps nothing (observed)', async () => {
    const out = only(await deliver('text.clipper', zh, 'input', { text: 'x'.repeat(60) }))
    expect(out.clipped_text).toBe('\n...(省略了1行)')
  })

  it('takes the content key of an object (observed)', async () => {
    expect(only(await deliver('text.clipper', zh, 'input', { content: 'hello', n: 1 })).clipped_text).toBe(
      'hello',
    )
  })

  it('leaves tracebacks whole and short text unchanged', async () => {
    const trace = `Traceback (most recent call last):\n${'x'.repeat(100)}`
    expect(only(await deliver('text.clipper', zh, 'input', { text: trace }))).toMatchObject({
      clipped_text: trace,
      was_clipped: false,
    })
    expect(only(await deliver('text.clipper', zh, 'input', { text: 'short' }))).toEqual({
      clipped_text: 'short',
      was_clipped: false,
      original_length: 5,
    })
  })

  it('counts code points and honours max_length from the message, with the default message', async () => {
    const out = only(await deliver('text.clipper', {}, 'input', { text: '😀😀\n😀😀\n😀😀', max_length: 6 }))
    expect(out).toEqual({ clipped_text: '😀😀\n...(2 lines omitted)', was_clipped: true, original_length: 8 })
  })
})
