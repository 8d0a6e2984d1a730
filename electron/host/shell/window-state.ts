/**
 * Remembered window geometry: read and written as JSON in the app-data folder, and fitted back onto
 * the displays present now (a monitor may have been unplugged since).
 */
import { z } from 'zod'

export interface Rect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface WindowState {
  readonly bounds: Rect
  readonly maximized: boolean
  readonly fullScreen: boolean
}

export const DEFAULT_SIZE = { width: 1400, height: 900 } as const
const MIN_SIZE = { width: 640, height: 480 }

const schema = z.object({
  bounds: z.object({
    x: z.number(),
    y: z.number(),
    width: z.number().positive(),
    height: z.number().positive(),
  }),
  maximized: z.boolean(),
  fullScreen: z.boolean(),
})

/** The stored state, or undefined when missing or malformed. */
export function parseWindowState(value: unknown): WindowState | undefined {
  const parsed = schema.safeParse(value)
  return parsed.success ? parsed.data : undefined
}

/**
 * Where to open the window: the stored bounds when they overlap a display's work area enough to be
 * grabbed, resized to fit; otherwise centred on the primary display.
 */
export function fitToDisplays(stored: WindowState | undefined, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height }
  const centred = (width: number, height: number): Rect => ({
    x: Math.round(primary.x + (primary.width - width) / 2),
    y: Math.round(primary.y + (primary.height - height) / 2),
    width,
    height,
  })
  const fallback = {
    bounds: centred(
      Math.min(DEFAULT_SIZE.width, primary.width),
      Math.min(DEFAULT_SIZE.height, primary.height),
    ),
    maximized: false,
    fullScreen: false,
  }
  if (!stored) return fallback
  const area = workAreas.find((a) => overlap(a, stored.bounds) >= 100 * 100)
  if (!area) return { ...fallback, maximized: stored.maximized }
  const width = clamp(stored.bounds.width, MIN_SIZE.width, area.width)
  const height = clamp(stored.bounds.height, MIN_SIZE.height, area.height)
  return {
    bounds: {
      x: clamp(stored.bounds.x, area.x, area.x + area.width - width),
      y: clamp(stored.bounds.y, area.y, area.y + area.height - height),
      width,
      height,
    },
    maximized: stored.maximized,
    fullScreen: stored.fullScreen,
  }
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high))
}
