/**
 * A small strftime: `%Y %y %m %d %e %H %I %M %S %f %p %A %a %B %b %j %z %Z %%` in English, local time
 * or UTC. Unknown directives are kept as written.
 */

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** Calendar fields of a date in local time or UTC. */
export interface DateParts {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
  readonly millisecond: number
  /** 0 = Sunday. */
  readonly weekday: number
  /** Minutes east of UTC. */
  readonly offsetMinutes: number
}

/** The fields of `date` in the given zone. */
export function dateParts(date: Date, zone: 'local' | 'utc'): DateParts {
  const utc = zone === 'utc'
  return {
    year: utc ? date.getUTCFullYear() : date.getFullYear(),
    month: (utc ? date.getUTCMonth() : date.getMonth()) + 1,
    day: utc ? date.getUTCDate() : date.getDate(),
    hour: utc ? date.getUTCHours() : date.getHours(),
    minute: utc ? date.getUTCMinutes() : date.getMinutes(),
    second: utc ? date.getUTCSeconds() : date.getSeconds(),
    millisecond: utc ? date.getUTCMilliseconds() : date.getMilliseconds(),
    weekday: utc ? date.getUTCDay() : date.getDay(),
    offsetMinutes: utc ? 0 : -date.getTimezoneOffset(),
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** Formats `date` with strftime directives. */
export function strftime(format: string, date: Date, zone: 'local' | 'utc' = 'local'): string {
  const p = dateParts(date, zone)
  return format.replace(/%(.)/g, (whole, directive: string) => {
    switch (directive) {
      case 'Y':
        return String(p.year)
      case 'y':
        return pad(p.year % 100)
      case 'm':
        return pad(p.month)
      case 'd':
        return pad(p.day)
      case 'e':
        return String(p.day).padStart(2, ' ')
      case 'H':
        return pad(p.hour)
      case 'I':
        return pad(p.hour % 12 === 0 ? 12 : p.hour % 12)
      case 'M':
        return pad(p.minute)
      case 'S':
        return pad(p.second)
      case 'f':
        return pad(p.millisecond * 1000, 6)
      case 'p':
        return p.hour < 12 ? 'AM' : 'PM'
      case 'A':
        return DAYS[p.weekday] as string
      case 'a':
        return (DAYS[p.weekday] as string).slice(0, 3)
      case 'B':
        return MONTHS[p.month - 1] as string
      case 'b':
        return (MONTHS[p.month - 1] as string).slice(0, 3)
      case 'j':
        return pad(dayOfYear(p), 3)
      case 'z': {
        const sign = p.offsetMinutes < 0 ? '-' : '+'
        const abs = Math.abs(p.offsetMinutes)
        return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
      }
      case 'Z':
        return zone === 'utc' ? 'UTC' : ''
      case '%':
        return '%'
      default:
        return whole
    }
  })
}

function dayOfYear(p: DateParts): number {
  const start = Date.UTC(p.year, 0, 1)
  return Math.round((Date.UTC(p.year, p.month - 1, p.day) - start) / 86_400_000) + 1
}
