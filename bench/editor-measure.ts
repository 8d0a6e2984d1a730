/**
 * Measurements inside the page: opening a document until every routine and connection is drawn, and
 * frame intervals (requestAnimationFrame deltas) while panning and zooming with the real mouse.
 */
import type { Page } from '@playwright/test'

/**
 * The few page globals the in-page functions use (this file is type-checked without the DOM lib).
 * In-page functions bind no named function to a variable: tsx would wrap it in a helper that does
 * not exist inside the page.
 */
interface PageGlobals {
  document: {
    querySelectorAll(selector: string): { length: number }
    querySelector(selector: string): { getAttribute(name: string): string | null } | null
  }
  requestAnimationFrame(callback: (now: number) => void): number
  __frames: number[]
  __recording: boolean
  __last: number
  __tick: (now: number) => void
}

/** Percentile (nearest rank) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank] as number
}

export interface FrameStats {
  readonly frames: number
  readonly p50: number
  readonly p95: number
  /** Frames per second over the whole gesture. */
  readonly fps: number
}

/** Summarises frame intervals in milliseconds. */
export function frameStats(intervals: readonly number[]): FrameStats {
  const total = intervals.reduce((sum, x) => sum + x, 0)
  return {
    frames: intervals.length,
    p50: percentile(intervals, 50),
    p95: percentile(intervals, 95),
    fps: total > 0 ? (intervals.length * 1000) / total : Number.NaN,
  }
}

/** Resolves with `performance.now()` once `routines` nodes and `connections` connections are drawn. */
export async function drawnAt(
  page: Page,
  routines: number,
  connections: number,
  timeout: number,
): Promise<number> {
  const handle = await page.waitForFunction(
    ([n, e]) => {
      const { document } = globalThis as unknown as PageGlobals
      // Zoomed far out, large flows draw their connections on the low-detail canvas instead of as SVG.
      const layer = document.querySelector('.low-detail-layer:not([hidden])')
      const onCanvas = Number(layer?.getAttribute('data-edges') ?? 0)
      const edges = Math.max(document.querySelectorAll('.react-flow__edge-path').length, onCanvas)
      return document.querySelectorAll('.react-flow__node-routine').length >= n && edges >= e
        ? performance.now()
        : false
    },
    [routines, connections] as const,
    { polling: 'raf', timeout },
  )
  return (await handle.jsonValue()) as number
}

/** Starts recording frame intervals in the page. */
export async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals
    w.__frames = []
    w.__recording = true
    w.__last = performance.now()
    w.__tick = (now: number) => {
      if (!w.__recording) return
      w.__frames.push(now - w.__last)
      w.__last = now
      w.requestAnimationFrame(w.__tick)
    }
    w.requestAnimationFrame((now: number) => {
      w.__last = now
      w.requestAnimationFrame(w.__tick)
    })
  })
}

/** Stops recording and returns the intervals. */
export async function stopFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals
    w.__recording = false
    return w.__frames
  })
}

/** Pans by dragging the empty canvas in a loop, `moves` mouse moves in all. */
export async function pan(page: Page, moves: number): Promise<void> {
  const box = await page.locator('.react-flow__pane').boundingBox()
  if (!box) throw new Error('no canvas')
  const x = box.x + 40
  const y = box.y + box.height / 2
  await page.mouse.move(x, y)
  await page.mouse.down()
  for (let i = 0; i < moves; i++) {
    const phase = (i / moves) * Math.PI * 4
    await page.mouse.move(x + 200 + Math.sin(phase) * 180, y + Math.cos(phase) * 120)
  }
  await page.mouse.up()
}

/** Zooms in and out with the wheel over the canvas centre. */
export async function zoom(page: Page, steps: number): Promise<void> {
  const box = await page.locator('.react-flow__pane').boundingBox()
  if (!box) throw new Error('no canvas')
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, i % 20 < 10 ? -60 : 60)
    await page.waitForTimeout(16)
  }
}
