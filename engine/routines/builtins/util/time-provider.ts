/**
 * TimeProvider (`util.time`): emits the current time in several formats. Its slot is `trigger`
 * (Routilux named it `request`, which kept it from being a flow entry).
 */
import { isRecord } from '../../../payload'
import type { RoutineDefinition } from '../../definition'
import { strftime } from './strftime'

const ZH_WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

/** The text of `date` for a format name, following Routilux's rules. */
export function formatTime(
  date: Date,
  format: string,
  options: { customFormat: string; includeWeekday: boolean; locale: string; zone: 'local' | 'utc' },
): string {
  const iso =
    strftime('%Y-%m-%dT%H:%M:%S.%f', date, options.zone).slice(0, 23) + (options.zone === 'utc' ? 'Z' : '')
  switch (format) {
    case 'timestamp':
      return String(date.getTime() / 1000)
    case 'formatted':
      if (!options.includeWeekday) return strftime('%Y-%m-%d %H:%M:%S', date, options.zone)
      if (options.locale === 'zh_CN') {
        const weekday = ZH_WEEKDAYS[options.zone === 'utc' ? date.getUTCDay() : date.getDay()] as string
        return strftime(`%Y年%m月%d日，星期${weekday}，%H:%M:%S`, date, options.zone)
      }
      return strftime('%A, %B %d, %Y %H:%M:%S', date, options.zone)
    case 'custom':
      return strftime(options.customFormat, date, options.zone)
    default:
      return iso
  }
}

/** TimeProvider: `format` iso | formatted | timestamp | custom. */
export const timeProvider: RoutineDefinition = {
  id: 'util.time',
  title: 'Time Provider',
  category: 'utils',
  description:
    'Emits the current time as ISO text, a formatted string, epoch seconds or a custom strftime format.',
  icon: '⏱',
  configSchema: {
    type: 'object',
    properties: {
      format: { enum: ['iso', 'formatted', 'timestamp', 'custom'], title: 'Format', default: 'iso' },
      custom_format: { type: 'string', title: 'Custom format (strftime)', default: '%Y-%m-%d %H:%M:%S' },
      include_weekday: { type: 'boolean', title: 'Weekday in "formatted"', default: true },
      locale: { enum: ['en_US', 'zh_CN'], title: 'Locale of "formatted"', default: 'en_US' },
      timezone: { enum: ['local', 'utc'], title: 'Time zone', default: 'local' },
    },
  },
  slots: [
    {
      name: 'trigger',
      params: ['format'],
      description: 'A "format" in the payload (or in its "data" object) overrides the configured one.',
      handler: (payload, ctx) => {
        const config = ctx.config
        const fromData =
          isRecord(payload.data) && Object.keys(payload.data).length > 0 ? payload.data.format : undefined
        const requested =
          isRecord(payload.data) && Object.keys(payload.data).length > 0 ? fromData : payload.format
        const format = typeof requested === 'string' ? requested : String(config.format ?? 'iso')
        const options = {
          customFormat: String(config.custom_format ?? '%Y-%m-%d %H:%M:%S'),
          includeWeekday: config.include_weekday !== false,
          locale: String(config.locale ?? 'en_US'),
          zone: config.timezone === 'utc' ? ('utc' as const) : ('local' as const),
        }
        const now = new Date()
        ctx.emit('output', {
          time_string: formatTime(now, format, options),
          timestamp: now.getTime() / 1000,
          datetime: formatTime(now, 'iso', options),
          formatted: strftime(options.customFormat, now, options.zone),
        })
      },
    },
  ],
  events: [{ name: 'output', params: ['time_string', 'timestamp', 'datetime', 'formatted'] }],
}
