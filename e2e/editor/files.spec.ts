/**
 * Documents that must never lose work: a file that is not a flow is not replaced by a plain save,
 * recovered work comes back with the view it was left at, and a Python Routilux flow opens as an
 * untitled import that leaves the original alone.
 */
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures/host'
import { addFromPalette, openStudio, routineNodes, watchPageErrors } from './editor-helpers'

const viewportStyle = (page: Page) =>
  page.locator('.react-flow__viewport').evaluate((e) => e.getAttribute('style'))

test('a file that is not a flow is not replaced by Ctrl+S', async ({ page, studioHost }) => {
  const errors = watchPageErrors(page)
  const text = '{"format": "routilux-flow", oops'
  await writeFile(join(studioHost.workspace, 'typo.routilux.json'), text)
  await openStudio(page, studioHost.url, { path: 'typo.routilux.json' })
  await expect(page.getByTestId('problems-panel')).toContainText('invalid JSON')
  await addFromPalette(page, 'flow.logger')
  await page.keyboard.press('Control+s')
  const dialog = page.getByTestId('save-dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('File name').fill('fixed')
  await dialog.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByTestId('doc-title')).toContainText('fixed.routilux.json')
  expect(await readFile(join(studioHost.workspace, 'typo.routilux.json'), 'utf8')).toBe(text)
  expect(errors).toEqual([])
})

test('recovered work opens at the view it was left at', async ({ page, studioHost }) => {
  await openStudio(page, studioHost.url)
  await addFromPalette(page, 'flow.trigger')
  await addFromPalette(page, 'flow.logger')
  await expect(routineNodes(page)).toHaveCount(2)
  const drafts = join(studioHost.appData, 'drafts')
  // The first draft is kept; a pan and zoom afterwards go into the next one.
  await expect.poll(() => readdir(drafts).catch(() => []), { timeout: 15_000 }).toHaveLength(1)
  await page.mouse.move(700, 400)
  await page.mouse.wheel(0, -300)
  await page.mouse.move(600, 300)
  await expect
    .poll(
      async () => {
        const [name] = await readdir(drafts)
        const draft = JSON.parse(await readFile(join(drafts, name ?? ''), 'utf8'))
        return draft.document.layout.viewport?.zoom ?? null
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThan(1)
  const before = await viewportStyle(page)

  await page.goto(await studioHost.restart())
  const recovery = page.getByTestId('recovery-dialog')
  await recovery.getByRole('button', { name: 'Recover' }).click()
  const confirm = page.getByTestId('confirm-dialog')
  if (await confirm.isVisible()) await confirm.getByRole('button', { name: 'Discard changes' }).click()
  await expect(routineNodes(page)).toHaveCount(2)
  await expect(page.getByTestId('dirty-indicator')).toBeVisible()
  await expect.poll(() => viewportStyle(page)).toBe(before)
})

test('a Python Routilux flow opens as an untitled import and stays as it was', async ({
  page,
  studioHost,
}) => {
  const fixture = join(import.meta.dirname, '../../engine/document/fixtures/python-flows')
  const file = join(studioHost.workspace, 'legacy.json')
  await copyFile(join(fixture, 'etl_pipeline.py-flow.json'), file)
  const original = await readFile(file, 'utf8')
  await page.goto(`${studioHost.url}&open=legacy.json`)
  await expect(routineNodes(page)).toHaveCount(4)
  await expect(page.getByTestId('doc-title')).toContainText('unsaved')
  await page.keyboard.press('Control+Shift+m')
  await expect(page.getByTestId('problems-panel')).toContainText('ambiguous')
  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('save-dialog')).toBeVisible()
  expect(await readFile(file, 'utf8')).toBe(original)
})
