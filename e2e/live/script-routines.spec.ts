/**
 * Script routines run in the built app: the lead-scoring example scores its three leads in the
 * sandbox and routes two to sales and one to nurture.
 */
import { expect, test } from '../fixtures/host'
import { expectJob, openStudio, routineStatus } from './live-helpers'

test('the script example runs its scripts to completion', async ({ page, studioHost }) => {
  await openStudio(page, studioHost.url, { example: 'lead-scoring-script' })
  await page.getByTestId('run-start').click()
  await expectJob(page, 'completed')
  await expect(routineStatus(page, 'score')).toHaveAttribute('data-runs', '3')
  await expect(routineStatus(page, 'score')).toHaveAttribute('data-errors', '0')
  await expect(routineStatus(page, 'sales')).toHaveAttribute('data-runs', '2')
  await expect(routineStatus(page, 'nurture')).toHaveAttribute('data-runs', '1')
})
