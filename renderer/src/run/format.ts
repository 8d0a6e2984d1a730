/** Number, duration and time formats of the run views. */

const INTEGER = new Intl.NumberFormat('en-US')

/** A count with thousands separators (one shared formatter: `toLocaleString` builds one per call). */
export function formatExact(n: number): string {
  return INTEGER.format(n)
}

/** A count: exact below 100,000, then compact (`123.4k`, `1.2M`). */
export function formatCount(n: number): string {
  if (n < 100_000) return INTEGER.format(n)
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)}k`
  return `${(n / 1_000_000).toFixed(2)}M`
}

/** A duration in ms, with sensible units and precision. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—'
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`
  if (ms < 10) return `${ms.toFixed(2)} ms`
  if (ms < 1000) return `${ms.toFixed(0)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`
  const minutes = Math.floor(ms / 60_000)
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`
}

/** Wall-clock time with milliseconds, e.g. `14:03:07.125`. */
export function formatClock(epochMs: number): string {
  const d = new Date(epochMs)
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
}

/** What an overlay status reads as. */
export function statusLabel(status: string, attempt?: number, maxAttempts?: number | null): string {
  if (status === 'retrying' && attempt !== undefined && maxAttempts != null)
    return `retrying ${attempt}/${maxAttempts}`
  if (status === 'error_continued') return 'error, continued'
  return status
}
