/**
 * Export D2 with the run overlay, from the run panel to the files on disk: after a run, the panel's
 * D2 button opens the export with the overlay on; the saved `.d2` and `.svg` carry the job's statuses
 * and counts, and turning the overlay off gives the plain diagram.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator } from '@playwright/test'
import { expect, test } from '../fixtures/host'
import { expectJob, openStudio } from './live-helpers'

async function saveAs(dialog: Locator, button: string, name: string): Promise<void> {
  await dialog.getByRole('button', { name: button }).click()
  const browser = dialog.getByTestId('file-browser')
  await browser.getByLabel('File name').fill(name)
  await browser.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(browser).toBeHidden()
}

test('the run panel exports the diagram with the run overlay, saved as .d2 and .svg', async ({
  page,
  studioHost,
}) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await openStudio(page, studioHost.url, { example: 'etl-pipeline' })
  await page.getByTestId('run-start').click()
  await expectJob(page, 'completed')

  await page.getByTestId('run-export-d2').click()
  const dialog = page.getByTestId('d2-dialog')
  await expect(dialog.getByTestId('d2-overlay')).toBeChecked()
  await expect(dialog.getByTestId('d2-text')).toHaveValue(/completed · 4 runs/)
  await expect(dialog.getByTestId('d2-status')).toHaveText('Compiles ✓', { timeout: 30_000 })

  await saveAs(dialog, 'Save .d2…', 'etl-run.d2')
  const d2 = await readFile(join(studioHost.workspace, 'etl-run.d2'), 'utf8')
  expect(d2).toContain('completed · 4 runs')
  expect(d2).toBe(await dialog.getByTestId('d2-text').inputValue())

  await saveAs(dialog, 'Save .svg…', 'etl-run.svg')
  const svg = await readFile(join(studioHost.workspace, 'etl-run.svg'), 'utf8')
  expect(svg).toMatch(/^<\?xml|<svg/)
  expect(svg).toContain('4 runs')

  await dialog.getByTestId('d2-overlay').uncheck()
  await expect(dialog.getByTestId('d2-text')).not.toHaveValue(/4 runs/)
  await expect(dialog.getByTestId('d2-status')).toHaveText('Compiles ✓', { timeout: 30_000 })
  expect(errors).toEqual([])
})
