/**
 * Editor benchmark (`npm run bench:editor`): opens flows of 100, 1,000 and 3,000 routines (1.5
 * connections each) in Debian Chromium against a real web-mode host and prints how long opening
 * takes and the frame times while panning and zooming. Numbers are printed, never asserted.
 *
 * Options: `--sizes=100,1000` to choose sizes, `--json` for machine-readable output.
 */
import { writeFile } from 'node:fs/promises'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { type Browser, chromium } from '@playwright/test'
import { saveDocument } from '../engine/document/save'
import { benchDocument } from './editor-doc'
import { startBenchHost } from './editor-host'
import { drawnAt, type FrameStats, frameStats, pan, startFrames, stopFrames, zoom } from './editor-measure'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const OPEN_TIMEOUT_MS = 180_000
const PAN_MOVES = 240
const ZOOM_STEPS = 60

interface Row {
  routines: number
  connections: number
  /** Page load, host connection and document open until every node and edge is drawn. */
  loadAndOpenMs: number
  /** Opening from the file browser of an already running editor. */
  openMs: number
  panFit: FrameStats
  zoomFit: FrameStats
  pan100: FrameStats
}

function arg(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
}

async function measure(browser: Browser, url: string, workspace: string, n: number): Promise<Row> {
  const doc = benchDocument(n)
  const file = `bench-${n}.routilux.json`
  await writeFile(join(workspace, file), saveDocument(doc))
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  try {
    await page.goto(`${url}&open=${encodeURIComponent(file)}`)
    const loadAndOpenMs = await drawnAt(page, n, doc.connections.length, OPEN_TIMEOUT_MS)
    await page.waitForTimeout(500)

    await startFrames(page)
    await pan(page, PAN_MOVES)
    const panFit = frameStats(await stopFrames(page))
    await startFrames(page)
    await zoom(page, ZOOM_STEPS)
    const zoomFit = frameStats(await stopFrames(page))

    await page.keyboard.press('Shift+0')
    await page.waitForTimeout(400)
    await startFrames(page)
    await pan(page, PAN_MOVES)
    const pan100 = frameStats(await stopFrames(page))

    await page.goto(url)
    await page.locator('.connection-status.connected').waitFor({ timeout: OPEN_TIMEOUT_MS })
    await page.keyboard.press('Control+o')
    const entry = page.locator('.file-entry', { hasText: file })
    await entry.click()
    const started = await page.evaluate(() => performance.now())
    await page.getByRole('button', { name: 'Open', exact: true }).click()
    const openMs = (await drawnAt(page, n, doc.connections.length, OPEN_TIMEOUT_MS)) - started

    return {
      routines: n,
      connections: doc.connections.length,
      loadAndOpenMs,
      openMs,
      panFit,
      zoomFit,
      pan100,
    }
  } finally {
    await context.close()
  }
}

const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—')
const frames = (s: FrameStats) => `${f(s.p50)} / ${f(s.p95)} (${f(s.fps)} fps)`

function table(rows: readonly Row[]): string {
  const head = [
    'routines',
    'connections',
    'load+open ms',
    'open ms',
    'pan, fit view: p50 / p95 ms',
    'zoom, fit view: p50 / p95 ms',
    'pan, 100 %: p50 / p95 ms',
  ]
  const body = rows.map((r) => [
    String(r.routines),
    String(r.connections),
    f(r.loadAndOpenMs),
    f(r.openMs),
    frames(r.panFit),
    frames(r.zoomFit),
    frames(r.pan100),
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)))
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n')
}

async function main(): Promise<void> {
  const sizes = (arg('sizes') ?? '100,1000,3000').split(',').map(Number)
  const host = await startBenchHost()
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true })
  const rows: Row[] = []
  try {
    for (const n of sizes) {
      process.stderr.write(`measuring ${n} routines…\n`)
      rows.push(await measure(browser, host.url, host.workspace, n))
    }
  } finally {
    await browser.close()
    await host.close()
  }
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
    return
  }
  process.stdout.write(
    `Editor benchmark — headless Chromium ${browser.version()}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'})\n\n`,
  )
  process.stdout.write(`${table(rows)}\n`)
  process.stdout.write(
    '\nload+open: page load, host connection and document open until every routine and connection is drawn.\n' +
      'open: File › Open in a running editor until drawn. Frame times are requestAnimationFrame intervals\n' +
      'while dragging the canvas or turning the wheel; "fit view" shows the whole flow (low-detail nodes\n' +
      'when zoomed out), "100 %" is full detail.\n',
  )
}

await main()
