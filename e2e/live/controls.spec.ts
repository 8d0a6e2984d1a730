/**
 * Run controls: start with F5, pause with F6 (counts stop moving), resume, cancel from the Run menu;
 * the entry routine and its parameters from the run settings, with bad JSON refused before a run.
 */
import { expect, test } from '../fixtures/host'
import { loopFlow } from './flows'
import {
  expectJob,
  numberAttribute,
  openMenu,
  openStudio,
  routineStatus,
  runChip,
  setRunParams,
  writeFlow,
} from './live-helpers'

test('pause, resume and cancel a running job', async ({ page, studioHost }) => {
  const path = await writeFlow(studioHost.workspace, loopFlow('ticking', 400, 50))
  await openStudio(page, studioHost.url, { path })
  const sink = routineStatus(page, 'sink')

  await page.keyboard.press('F5')
  await expectJob(page, 'running')
  await expect.poll(() => numberAttribute(sink, 'data-runs'), { timeout: 20_000 }).toBeGreaterThanOrEqual(3)

  await page.keyboard.press('F6')
  await expectJob(page, 'paused')
  await expect(page.getByTestId('run-resume')).toBeVisible()
  const atPause = await numberAttribute(sink, 'data-runs')
  await page.waitForTimeout(1000)
  expect(await numberAttribute(sink, 'data-runs')).toBe(atPause)
  await expect(page.getByTestId('job-list').locator('tbody tr').first()).toHaveAttribute(
    'data-status',
    'paused',
  )

  await page.getByTestId('run-resume').click()
  await expectJob(page, 'running')
  await expect
    .poll(() => numberAttribute(sink, 'data-runs'), { timeout: 20_000 })
    .toBeGreaterThan(atPause + 2)

  await openMenu(page, 'Run')
  await page.getByRole('menuitem', { name: /Cancel the run/ }).click()
  await expectJob(page, 'cancelled')
  const atCancel = await numberAttribute(sink, 'data-runs')
  expect(atCancel).toBeLessThan(400)
  await page.waitForTimeout(800)
  expect(await numberAttribute(sink, 'data-runs')).toBe(atCancel)
  await expect(page.getByTestId('run-start')).toBeEnabled()
  await expect(page.getByTestId('run-pause')).toBeDisabled()
})

test('entry parameters are checked, then passed to the entry routine', async ({ page, studioHost }) => {
  const path = await writeFlow(studioHost.workspace, loopFlow('short-loop', 400, 1))
  await openStudio(page, studioHost.url, { path })
  await expect(page.getByTestId('run-entry')).toContainText('Start (start)')

  await setRunParams(page, '{"rounds": 3,')
  await page.getByTestId('run-settings-toggle').click()
  await expect(page.getByTestId('run-params-error')).toContainText('Not valid JSON')
  await page.getByTestId('run-settings-toggle').click()
  await page.getByTestId('run-start').click()
  await expect(page.locator('.toast').filter({ hasText: 'Not valid JSON' })).toBeVisible()
  await expect(runChip(page)).toHaveCount(0)

  await setRunParams(page, '{"rounds": 3}')
  await page.getByTestId('run-start').click()
  await expectJob(page, 'completed')
  await expect(routineStatus(page, 'sink')).toHaveAttribute('data-runs', '3')
  await expect(routineStatus(page, 'next')).toHaveAttribute('data-runs', '3')
})

test('a second run of the flow: the first job row keeps counting', async ({ page, studioHost }) => {
  const path = await writeFlow(studioHost.workspace, loopFlow('two-runs', 400, 50))
  await openStudio(page, studioHost.url, { path })
  await page.getByTestId('run-start').click()
  await expectJob(page, 'running')
  const first = page.getByTestId('job-list').locator('tbody tr').first()
  const firstId = (await first.getAttribute('data-testid')) ?? ''
  await page.getByTestId('run-start').click()
  await expect(page.getByTestId('job-list').locator('tbody tr[data-status="running"]')).toHaveCount(2)
  const row = page.getByTestId(firstId)
  const deliveries = async () =>
    Number(((await row.locator('td').nth(5).textContent()) ?? '').replace(/\D/g, ''))
  const before = await deliveries()
  await expect.poll(deliveries, { timeout: 10_000 }).toBeGreaterThan(before + 10)
})
