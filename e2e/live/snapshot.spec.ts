/**
 * Snapshots: pause a job, save its snapshot, close the studio (the host stops), reopen it, restore
 * the snapshot and resume — the job finishes with every round run exactly once.
 */
import { expect, test } from '../fixtures/host'
import { loopFlow } from './flows'
import {
  edgeCount,
  expectJob,
  fitView,
  numberAttribute,
  openMenu,
  openStudio,
  routineStatus,
  screenshot,
  writeFlow,
} from './live-helpers'

const ROUNDS = 40

test('a snapshot saved before closing resumes after reopening with nothing lost or repeated', async ({
  page,
  studioHost,
}) => {
  const path = await writeFlow(studioHost.workspace, loopFlow('snapshot-loop', ROUNDS, 250))
  await openStudio(page, studioHost.url, { path })
  const sink = routineStatus(page, 'sink')
  await page.getByTestId('run-start').click()
  await expect
    .poll(() => numberAttribute(sink, 'data-runs'), { timeout: 20_000, intervals: [100] })
    .toBeGreaterThanOrEqual(3)
  await page.getByTestId('run-pause').click()
  await expectJob(page, 'paused')
  const atPause = await numberAttribute(sink, 'data-runs')
  expect(atPause).toBeLessThan(ROUNDS)

  await page.getByTestId('run-tab-snapshots').click()
  await page.getByTestId('snapshot-save').click()
  await expect(page.getByTestId('snapshot-row')).toHaveCount(1)
  await expect(page.getByTestId('snapshot-row')).toContainText('paused')

  const url = await studioHost.restart()
  await openStudio(page, url, { path })
  await expect(page.getByTestId('run-chip')).toHaveCount(0)
  await openMenu(page, 'Run')
  await page.getByRole('menuitem', { name: /run panel/ }).click()
  await page.getByTestId('run-tab-snapshots').click()
  await page.getByTestId('snapshot-restore').click()
  await expectJob(page, 'paused')
  await expect(sink).toHaveAttribute('data-runs', String(atPause))
  await fitView(page)
  await screenshot(page, 'snapshot-restored')

  await page.getByTestId('run-resume').click()
  await expectJob(page, 'completed', 40_000)
  await expect(sink).toHaveAttribute('data-runs', String(ROUNDS))
  await expect(routineStatus(page, 'next')).toHaveAttribute('data-runs', String(ROUNDS))
  await expect(edgeCount(page, 'next-sink')).toHaveAttribute('data-delivered', String(ROUNDS))
  await expect(edgeCount(page, 'wait-next')).toHaveAttribute('data-delivered', String(ROUNDS - 1))

  await page.getByTestId('run-tab-details').click()
  const lines = page.getByTestId('job-output').locator('li')
  await expect(lines).toHaveCount(ROUNDS)
  const rounds = (await lines.allTextContents()).map((text) => Number(/round (\d+)/.exec(text)?.[1]))
  expect([...rounds].sort((a, b) => a - b)).toEqual(Array.from({ length: ROUNDS }, (_, i) => i + 1))
})
