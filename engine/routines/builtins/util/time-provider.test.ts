import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { deliver, only } from '../shared/harness'
import { strftime } from './strftime'

const moment = new Date(Date.UTC(2026, 10, 26, 16, 58, 34, 120))

describe('util.time', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(moment)
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  const time = async (config: Record<string, unknown>, payload = {}) =>
    only(await deliver('util.time', { timezone: 'utc', ...config }, 'trigger', payload))

  it('emits iso text, epoch seconds, iso datetime and the custom format', async () => {
    expect(await time({})).toEqual({
      time_string: '2026-11-26T16:58:34.120Z',
      timestamp: moment.getTime() / 1000,
      datetime: '2026-11-26T16:58:34.120Z',
      formatted: '2026-11-26 16:58:34',
    })
  })

  it.each([
    [{ format: 'formatted', locale: 'zh_CN' }, '2026年11月26日，星期四，16:58:34'],
    [{ format: 'formatted' }, 'Thursday, November 26, 2026 16:58:34'],
    [{ format: 'formatted', include_weekday: false }, '2026-11-26 16:58:34'],
    [{ format: 'timestamp' }, String(moment.getTime() / 1000)],
    [{ format: 'custom', custom_format: '%a %d %b %y %I:%M %p %j %%' }, 'Thu 26 Nov 26 04:58 PM 330 %'],
  ])('%j → %s', async (config, expected) => {
    expect((await time(config)).time_string).toBe(expected)
  })

  it('takes the format from the message: data.format first, then format', async () => {
    expect((await time({}, { format: 'timestamp' })).time_string).toBe(String(moment.getTime() / 1000))
    expect((await time({}, { data: { format: 'formatted' }, format: 'timestamp' })).time_string).toMatch(
      /^Thursday/,
    )
  })
})

describe('strftime', () => {
  it('keeps unknown directives and formats microseconds and offsets', () => {
    expect(strftime('%Q %f %z %Z', moment, 'utc')).toBe('%Q 120000 +0000 UTC')
  })
})
