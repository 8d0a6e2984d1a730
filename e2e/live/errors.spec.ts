/**
 * Errors while watching a run: a failing routine shows its error on the canvas and in the run panel;
 * with STOP the job fails, with CONTINUE it goes on and finishes; with RETRY the overlay counts the
 * attempts ("retrying n/m") until the retries run out.
 */
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures/host'
import { failingFlow } from './flows'
import {
  edgeCount,
  expectJob,
  fitView,
  openStudio,
  routineStatus,
  screenshot,
  writeFlow,
} from './live-helpers'

test('STOP: the failing routine shows its error and the job fails', async ({ page, studioHost }) => {
  const path = await writeFlow(studioHost.workspace, failingFlow('fail-stop', { strategy: 'stop' }))
  await openStudio(page, studioHost.url, { path })
  await page.getByTestId('run-start').click()
  await expectJob(page, 'failed')

  const inner = routineStatus(page, 'inner')
  await expect(inner).toHaveAttribute('data-status', 'failed')
  await expect(inner).toHaveAttribute('data-errors', '1')
  await expect(page.getByTestId('routine-inner')).toContainText('splitter expects a list')
  await expect(edgeCount(page, 'outer-inner')).toHaveAttribute('data-errors', '1')
  await expect(edgeCount(page, 'inner-sink')).toHaveAttribute('data-delivered', '3')
  await expect(page.getByTestId('run-job-header')).toContainText('INVALID_ARGUMENT')

  await page.getByTestId('run-tab-details').click()
  const error = page.getByTestId('job-error').filter({ hasText: 'inner' }).first()
  await expect(error).toContainText('INVALID_ARGUMENT: splitter expects a list at "item"')
  await error.locator('summary').click()
  await expect(error.locator('pre')).toContainText('at ')
  await fitView(page)
  await screenshot(page, 'failed')
})

test('CONTINUE: the error is recorded and the job goes on to completion', async ({ page, studioHost }) => {
  const path = await writeFlow(studioHost.workspace, failingFlow('fail-continue', { strategy: 'continue' }))
  await openStudio(page, studioHost.url, { path })
  await page.getByTestId('run-start').click()
  await expectJob(page, 'completed')

  await expect(routineStatus(page, 'inner')).toHaveAttribute('data-errors', '1')
  await expect(routineStatus(page, 'inner')).toHaveAttribute('data-runs', '4')
  await expect(routineStatus(page, 'sink')).toHaveAttribute('data-runs', '5')
  await expect(edgeCount(page, 'inner-sink')).toHaveAttribute('data-delivered', '5')
  await expect(edgeCount(page, 'outer-inner')).toHaveAttribute('data-errors', '1')
  await page.getByTestId('run-tab-details').click()
  await expect(page.getByTestId('job-error')).toHaveCount(1)
  await expect(page.getByTestId('job-output')).toContainText('stored 5')
})

test('RETRY: the overlay shows each attempt until the retries run out', async ({ page, studioHost }) => {
  const retry = { strategy: 'retry', maxRetries: 2, retryDelayMs: 4000, retryBackoff: 1 } as const
  const path = await writeFlow(studioHost.workspace, failingFlow('fail-retry', retry))
  await openStudio(page, studioHost.url, { path })
  await recordBadges(page, 'inner')
  await page.getByTestId('run-start').click()

  const inner = routineStatus(page, 'inner')
  await expect(inner).toContainText('retrying 2/3', { timeout: 15_000 })
  await fitView(page)
  await screenshot(page, 'retrying')
  await expectJob(page, 'completed')
  // Retries exhausted on a non-critical routine: the error is recorded and the job goes on.
  await expect(inner).toHaveAttribute('data-status', 'error_continued')
  await expect(inner).toHaveAttribute('data-errors', '3')
  await expect(page.getByTestId('routine-inner').getByTestId('run-stats')).toHaveAttribute(
    'data-retries',
    '2',
  )
  await expect(routineStatus(page, 'sink')).toHaveAttribute('data-runs', '5')
  const seen = await page.evaluate('window.__badges')
  expect(seen).toEqual(expect.arrayContaining(['retrying 2/3', 'retrying 3/3', 'error_continued 3/']))
})

/** Records every state the routine's status badge shows (status, attempt/max) into `window.__badges`. */
async function recordBadges(page: Page, routineId: string): Promise<void> {
  await page.evaluate(`(() => {
    const seen = []
    window.__badges = seen
    const read = () => {
      const badge = document.querySelector('[data-testid="routine-${routineId}"] [data-testid="run-status"]')
      if (!badge) return
      const state = badge.dataset.status + ' ' + badge.dataset.attempt + '/' + badge.dataset.maxAttempts
      if (seen[seen.length - 1] !== state) seen.push(state)
    }
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, attributes: true })
  })()`)
}
