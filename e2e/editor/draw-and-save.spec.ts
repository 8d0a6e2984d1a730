/**
 * Drawing by hand: from an empty document, add three routines from the palette, connect them,
 * configure one, save, reload the page and find the same document — layout and viewport included.
 * Then undo and redo walk back and forth through those same steps.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '../fixtures/host'
import {
  addFromPalette,
  connect,
  dragFromPalette,
  edges,
  openStudio,
  routineIds,
  routineNode,
  routineNodes,
  selectRoutine,
  shot,
  watchPageErrors,
} from './editor-helpers'

async function drawThree(page: import('@playwright/test').Page): Promise<void> {
  await dragFromPalette(page, 'flow.trigger', { x: 160, y: 200 })
  await expect(routineNodes(page)).toHaveCount(1)
  await addFromPalette(page, 'text.clipper')
  await addFromPalette(page, 'flow.logger')
  await expect(routineNodes(page)).toHaveCount(3)
  expect(await routineIds(page)).toEqual(['trigger', 'clipper', 'logger'])
  await connect(page, 'trigger', 'output', 'clipper', 'input')
  await expect(edges(page)).toHaveCount(1)
  await connect(page, 'clipper', 'output', 'logger', 'input')
  await expect(edges(page)).toHaveCount(2)
  await selectRoutine(page, 'clipper')
  await page.getByLabel('Maximum length (characters)').fill('80')
}

test('draw three routines, connect, configure, save, reload and find the same document', async ({
  page,
  studioHost,
}) => {
  const errors = watchPageErrors(page)
  await openStudio(page, studioHost.url)
  await expect(page.getByTestId('empty-state')).toBeVisible()
  await shot(page, 'empty-state', { guide: true })

  await drawThree(page)
  await expect(page.getByTestId('dirty-indicator')).toBeVisible()
  await expect(page.getByTestId('routine-inspector')).toContainText('Text Clipper')
  await shot(page, 'drawing', { guide: true })

  // The save dialog takes the keyboard: it starts in the file name, and Escape closes it.
  await page.keyboard.press('Control+s')
  const dialog = page.getByTestId('save-dialog')
  await expect(dialog.getByLabel('File name')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await page.keyboard.press('Control+s')
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('File name').fill('first-flow.routilux.json')
  await shot(page, 'save-dialog', { guide: true })
  await dialog.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0)
  await expect(page.getByTestId('doc-title')).toContainText('first-flow')

  const saved = JSON.parse(await readFile(join(studioHost.workspace, 'first-flow.routilux.json'), 'utf8'))
  expect(saved.routines.map((r: { id: string }) => r.id)).toEqual(['trigger', 'clipper', 'logger'])
  expect(saved.routines[1].config.max_length).toBe(80)
  expect(saved.connections).toHaveLength(2)
  expect(saved.layout.viewport).toBeDefined()
  const before = await page.locator('.react-flow__viewport').evaluate((e) => e.getAttribute('style'))
  const positionsBefore = await routineNodes(page).evaluateAll((els) =>
    els.map((e) => e.getAttribute('style')),
  )

  await page.reload()
  await expect(page.locator('.connection-status')).toHaveClass(/\bconnected\b/)
  await expect(routineNodes(page)).toHaveCount(3)
  await expect(edges(page)).toHaveCount(2)
  await expect(page.getByTestId('doc-title')).toContainText('first-flow')
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0)
  await expect
    .poll(() => page.locator('.react-flow__viewport').evaluate((e) => e.getAttribute('style')))
    .toBe(before)
  expect(await routineNodes(page).evaluateAll((els) => els.map((e) => e.getAttribute('style')))).toEqual(
    positionsBefore,
  )
  await selectRoutine(page, 'clipper')
  await expect(page.getByLabel('Maximum length (characters)')).toHaveValue('80')
  expect(errors).toEqual([])
})

test('undo and redo walk through every step of drawing', async ({ page, studioHost }) => {
  await openStudio(page, studioHost.url)
  await drawThree(page)
  const maxLength = page.getByLabel('Maximum length (characters)')
  await expect(maxLength).toHaveValue('80')

  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } })
  await page.keyboard.press('Control+z')
  await selectRoutine(page, 'clipper')
  await expect(maxLength).toHaveValue('1000')
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } })
  await page.keyboard.press('Control+z')
  await expect(edges(page)).toHaveCount(1)
  await page.keyboard.press('Control+z')
  await expect(edges(page)).toHaveCount(0)
  await page.keyboard.press('Control+z')
  await expect(routineNodes(page)).toHaveCount(2)
  await page.keyboard.press('Control+z')
  await page.keyboard.press('Control+z')
  await expect(routineNodes(page)).toHaveCount(0)
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0)

  for (let i = 0; i < 5; i++) await page.keyboard.press('Control+Shift+z')
  await expect(routineNodes(page)).toHaveCount(3)
  await expect(edges(page)).toHaveCount(2)
  await page.keyboard.press('Control+y')
  await selectRoutine(page, 'clipper')
  await expect(maxLength).toHaveValue('80')
  await expect(routineNode(page, 'logger')).toBeVisible()
})

test('"Save first" on an untitled flow saves it, then starts the new flow that was asked for', async ({
  page,
  studioHost,
}) => {
  await openStudio(page, studioHost.url)
  await addFromPalette(page, 'flow.trigger')
  await expect(routineNodes(page)).toHaveCount(1)
  await page.keyboard.press('Alt+N')
  await page.getByRole('button', { name: 'Save first' }).click()
  const dialog = page.getByTestId('save-dialog')
  await dialog.getByLabel('File name').fill('kept.routilux.json')
  await dialog.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(routineNodes(page)).toHaveCount(0)
  await expect(page.getByTestId('doc-title')).toContainText('unsaved')
  const saved = JSON.parse(await readFile(join(studioHost.workspace, 'kept.routilux.json'), 'utf8'))
  expect(saved.routines.map((r: { id: string }) => r.id)).toEqual(['trigger'])
})
