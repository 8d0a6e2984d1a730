/**
 * Streaming benchmark (`npm run bench:streaming`): a high-rate flow (the sensor-stream example, well
 * over 50,000 deliveries per second on an idle machine) runs in a real web-mode host while Debian
 * Chromium shows it live. For each run-panel view it prints deliveries per second (host side),
 * batches per second and bytes received by the page, renderer frame times, how old each batch is
 * when it is first painted, and the host's memory. Numbers are printed, never asserted.
 *
 * Views: `idle` (the studio open, no run: what the machine gives the browser), `jobs`, `events` and
 * `metrics` (that tab of the run panel open during the run).
 *
 * Options: `--seconds=10` per view, `--rounds=50000` (the flow's length; it is cancelled after the
 * window), `--views=idle,jobs,events,metrics`, `--json` for a machine-readable last line.
 */
import { loadavg } from 'node:os'
import { type Browser, chromium, type Page } from '@playwright/test'
import { percentile } from './editor-measure'
import { num, renderTable } from './lib/format'
import { type StreamingHost, startStreamingHost } from './streaming-host'
import { installProbe, type PageSample, startRecording, stopRecording } from './streaming-probe'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
/** `idle`: the same page with no run, as a baseline of what the machine gives the browser. */
const VIEWS = ['idle', 'jobs', 'events', 'metrics'] as const
type View = (typeof VIEWS)[number]

function arg(name: string, fallback: string): string {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback
}

interface Row {
  readonly view: View
  readonly deliveriesPerS: number
  readonly sample: PageSample
  /** Share of the window the page's main thread was busy (wall time of tasks, script, style and layout). */
  readonly busy: { readonly task: number; readonly script: number; readonly layout: number }
  readonly rss: { readonly before: number; readonly peak: number; readonly after: number }
}

async function startRun(page: Page, url: string, rounds: number): Promise<void> {
  await page.goto(`${url}&example=sensor-stream`)
  await page.locator('.connection-status.connected').waitFor()
  await page.getByTestId('run-start').waitFor()
  await page.getByTestId('run-settings-toggle').click()
  await page.getByTestId('run-params').locator('.cm-content').click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Delete')
  await page.keyboard.insertText(JSON.stringify({ rounds }))
  await page.getByTestId('run-settings-toggle').click()
  await page.getByTestId('run-start').click()
  await page.locator('[data-testid="run-chip"][data-status="running"]').waitFor()
}

async function measureView(
  browser: Browser,
  host: StreamingHost,
  view: View,
  seconds: number,
  rounds: number,
): Promise<Row> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  await installProbe(page)
  const before = host.rssMb()
  let peak = before
  const sampler = setInterval(() => {
    peak = Math.max(peak, host.rssMb())
  }, 200)
  try {
    if (view === 'idle') {
      await page.goto(`${host.url}&example=sensor-stream`)
      await page.locator('.connection-status.connected').waitFor()
    } else {
      await startRun(page, host.url, rounds)
      if (view !== 'jobs') await page.getByTestId(`run-tab-${view}`).click()
    }
    await page.waitForTimeout(1000)
    const job = view === 'idle' ? undefined : (await host.call('job.list', {})).jobs[0]
    if (view !== 'idle' && !job) throw new Error('no job started')
    const deliveries = async () =>
      job ? ((await host.call('job.get', { jobId: job.jobId })).live?.totals.deliveries ?? 0) : 0
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')
    const metric = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics')
      const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN
      return {
        task: value('TaskDuration'),
        script: value('ScriptDuration'),
        layout: value('LayoutDuration'),
        style: value('RecalcStyleDuration'),
      }
    }
    const d0 = await deliveries()
    const m0 = await metric()
    const t0 = performance.now()
    await startRecording(page)
    await page.waitForTimeout(seconds * 1000)
    const sample = await stopRecording(page)
    const m1 = await metric()
    const d1 = await deliveries()
    const t1 = performance.now()
    const wall = (t1 - t0) / 1000
    const busy = {
      task: (m1.task - m0.task) / wall,
      script: (m1.script - m0.script) / wall,
      layout: (m1.layout - m0.layout + m1.style - m0.style) / wall,
    }
    if (job) {
      await host.call('job.cancel', { jobId: job.jobId })
      await page.locator('[data-testid="run-chip"][data-status="cancelled"]').waitFor({ timeout: 120_000 })
    }
    await page.waitForTimeout(500)
    return {
      view,
      deliveriesPerS: ((d1 - d0) * 1000) / (t1 - t0),
      sample,
      busy,
      rss: { before, peak, after: host.rssMb() },
    }
  } finally {
    clearInterval(sampler)
    await context.close()
  }
}

function summarise(row: Row) {
  const { sample } = row
  const perS = (n: number) => (n * 1000) / sample.elapsedMs
  const total = sample.frames.reduce((sum, f) => sum + f, 0)
  return {
    view: row.view,
    deliveriesPerS: row.deliveriesPerS,
    batchesPerS: perS(sample.batches),
    kbPerS: perS(sample.bytes) / 1024,
    skippedBatches: sample.skipped,
    frameP50Ms: percentile(sample.frames, 50),
    frameP95Ms: percentile(sample.frames, 95),
    frameMaxMs: sample.frames.length > 0 ? Math.max(...sample.frames) : Number.NaN,
    fps: total > 0 ? (sample.frames.length * 1000) / total : Number.NaN,
    mainThreadBusy: row.busy.task,
    scriptBusy: row.busy.script,
    layoutBusy: row.busy.layout,
    lagP50Ms: percentile(sample.lags, 50),
    lagP95Ms: percentile(sample.lags, 95),
    lagMaxMs: sample.lags.length > 0 ? Math.max(...sample.lags) : Number.NaN,
    hostRssBeforeMb: row.rss.before,
    hostRssPeakMb: row.rss.peak,
    hostRssAfterMb: row.rss.after,
    pageHeapMb: sample.heapMb,
  }
}

async function main(): Promise<void> {
  const seconds = Number(arg('seconds', '10'))
  const rounds = Number(arg('rounds', '50000'))
  const views = arg('views', VIEWS.join(','))
    .split(',')
    .filter((v): v is View => (VIEWS as readonly string[]).includes(v))
  const host = await startStreamingHost()
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  const rows: ReturnType<typeof summarise>[] = []
  try {
    for (const view of views) {
      process.stderr.write(`measuring with the ${view} view (${seconds} s)…\n`)
      rows.push(summarise(await measureView(browser, host, view, seconds, rounds)))
    }
  } finally {
    await browser.close()
    await host.close()
  }
  const ms = (v: number) => num(v, 1)
  const text = renderTable({
    title: `Live execution streaming: sensor-stream, ${seconds} s per view (load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')})`,
    columns: [
      'run panel view',
      'deliveries/s',
      'batches/s',
      'KB/s',
      'skipped',
      'frame p50 / p95 / max (ms)',
      'fps',
      'page main thread busy (script, style+layout)',
      'batch age at paint p50 / p95 / max (ms)',
      'host RSS before / peak / after (MB)',
      'page heap (MB)',
    ],
    rows: rows.map((r) => [
      r.view,
      num(r.deliveriesPerS),
      num(r.batchesPerS, 1),
      num(r.kbPerS),
      num(r.skippedBatches),
      `${ms(r.frameP50Ms)} / ${ms(r.frameP95Ms)} / ${ms(r.frameMaxMs)}`,
      num(r.fps, 1),
      `${num(r.mainThreadBusy * 100)} % (${num(r.scriptBusy * 100)} %, ${num(r.layoutBusy * 100)} %)`,
      `${ms(r.lagP50Ms)} / ${ms(r.lagP95Ms)} / ${ms(r.lagMaxMs)}`,
      `${num(r.hostRssBeforeMb)} / ${num(r.hostRssPeakMb)} / ${num(r.hostRssAfterMb)}`,
      num(r.pageHeapMb, 1),
    ]),
  })
  process.stdout.write(
    `${text}\n\nBatch age at paint = first animation frame after a batch arrived minus the host time it was cut; the engine events in a batch are at most one batch interval (33 ms) older.\n`,
  )
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(rows)}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
