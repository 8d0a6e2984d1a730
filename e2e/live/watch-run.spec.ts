/**
 * Watching a run: an example flow runs to completion with every routine completed and the exact
 * counts on its connections; the run panel shows the timeline, the event log with a payload, the
 * job's output and a D2 export with the run overlay.
 */
import { expect, test } from '../fixtures/host'
import { edgeCount, expectJob, fitView, openStudio, routineStatus, screenshot } from './live-helpers'

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
