/**
 * Watching a run: an example flow runs to completion with every routine completed and the exact
 * counts on its connections; the run panel shows the timeline, the event log with a payload, the
 * job's output and a D2 export with the run overlay. A busy flow streams live with exact final counts.
 */
import { expect, test } from '../fixtures/host'
import {
  edgeCount,
  expectJob,
  expectLabelOnConnection,
  fitView,
  numberAttribute,
  openStudio,
  routineStatus,
  screenshot,
  setRunParams,
} from './live-helpers'

/** The ETL example: four records, two valid (loaded) and two rejected. */
const ROUTINE_RUNS = { extract: 1, split: 1, normalise: 4, validate: 4, load: 2, reject: 2, summary: 1 }
const CONNECTION_COUNTS = { c1: 1, c2: 4, c3: 4, c4: 2, c5: 2, c6: 1 }

test('an example flow runs with every routine completed and exact connection counts', async ({
  page,
  studioHost,
}) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await openStudio(page, studioHost.url, { example: 'etl-pipeline' })
  await expect(page.getByTestId('run-entry')).toContainText('extract')
  await page.getByTestId('run-start').click()
  await expectJob(page, 'completed')

  for (const [routine, runs] of Object.entries(ROUTINE_RUNS)) {
    const badge = routineStatus(page, routine)
    await expect(badge, routine).toHaveAttribute('data-status', 'completed')
    await expect(badge, routine).toHaveAttribute('data-runs', String(runs))
    await expect(badge, routine).toHaveAttribute('data-errors', '0')
  }
  for (const [connection, delivered] of Object.entries(CONNECTION_COUNTS)) {
    await expect(edgeCount(page, connection), connection).toHaveAttribute('data-delivered', String(delivered))
  }
  await expect(page.getByTestId('run-panel')).toBeVisible()
  await expect(page.getByTestId('job-list').locator('tbody tr').first()).toHaveAttribute(
    'data-status',
    'completed',
  )
  await fitView(page)
  for (const connection of Object.keys(CONNECTION_COUNTS)) await expectLabelOnConnection(page, connection)
  await screenshot(page, 'completed')

  await page.getByTestId('run-tab-timeline').click()
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-spans', '15')
  await screenshot(page, 'timeline')

  await page.getByTestId('run-tab-events').click()
  const emitted = page.getByTestId('event-row').filter({ hasText: 'normalise emitted' }).first()
  await page.getByTestId('event-filter-routine').selectOption('normalise')
  await page.getByTestId('event-filter-type').selectOption('eventEmitted')
  await expect(page.getByTestId('event-row')).toHaveCount(4)
  await emitted.click()
  await expect(page.getByTestId('event-inspector')).toContainText('ada@example.com')
  await screenshot(page, 'events')

  await page.getByTestId('run-tab-details').click()
  await expect(page.getByTestId('job-output')).toContainText('loaded c-100: Ada Lovelace')
  await expect(page.getByTestId('job-output')).toContainText('rejected c-101')
  await expect(page.getByTestId('job-errors')).toContainText('No errors')

  await page.getByTestId('run-export-d2').click()
  await expect(page.getByTestId('d2-overlay')).toBeChecked()
  await expect(page.getByTestId('d2-text')).toHaveValue(/completed · 4 runs/)
  await expect(page.getByTestId('d2-status')).toHaveText(/Compiles/, { timeout: 30_000 })
  expect(errors).toEqual([])
})

test('a busy flow streams live: moving counts, animated connections, charts and /metrics', async ({
  page,
  request,
  studioHost,
}) => {
  await openStudio(page, studioHost.url, { example: 'sensor-stream' })
  await page.keyboard.press('ControlOrMeta+B')
  await page.keyboard.press('ControlOrMeta+I')
  await setRunParams(page, JSON.stringify({ rounds: 20_000 }))
  await page.getByTestId('run-start').click()
  await expectJob(page, 'running')
  await fitView(page)
  const readings = edgeCount(page, 'split-threshold')
  await expect(page.locator('.edge-count.flowing').first()).toBeVisible()
  await expect(page.locator('.react-flow__edge-path.active').first()).toBeAttached()
  const first = await numberAttribute(readings, 'data-delivered')
  await expect.poll(() => numberAttribute(readings, 'data-delivered')).toBeGreaterThan(first)
  await screenshot(page, 'live')

  await page.getByTestId('run-tab-metrics').click()
  await expect(page.getByTestId('chart-throughput').locator('canvas').first()).toBeVisible()
  await page.getByTestId('metrics-endpoint-toggle').click()
  const url = page.getByTestId('metrics-endpoint-url')
  await expect(url).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/)
  const scraped = await request.get((await url.textContent()) ?? '')
  expect(scraped.status()).toBe(200)
  expect(await scraped.text()).toContain('routilux_routine_executions_total')
  await page.waitForTimeout(2000)
  await screenshot(page, 'metrics')

  // Paused, no handler runs: every reading the filter handled went down exactly one branch.
  await page.keyboard.press('F6')
  await expectJob(page, 'paused')
  await expect(page.locator('.edge-count.flowing')).toHaveCount(0)
  const handled = await numberAttribute(routineStatus(page, 'threshold'), 'data-runs')
  const alerts = await numberAttribute(edgeCount(page, 'threshold-alerts'), 'data-delivered')
  const normal = await numberAttribute(edgeCount(page, 'threshold-normal'), 'data-delivered')
  expect(handled).toBeGreaterThan(0)
  expect(alerts + normal).toBe(handled)
  await page.keyboard.press('Shift+F6')
  await expectJob(page, 'cancelled')
})
