/** The shortcut overlay, find, sticky notes and the dark theme (pictures for the guide). */
import { expect, test } from '../fixtures/host'
import { openStudio, routineNodes, shot, waitForStillCanvas, writeFlow } from './editor-helpers'

test('the ? overlay lists the shortcuts; find jumps to a routine; notes and the dark theme', async ({
  page,
  studioHost,
}) => {
  await openStudio(page, studioHost.url)
  await page.getByRole('button', { name: 'ETL pipeline' }).click()
  await expect(routineNodes(page).first()).toBeVisible()
  const count = await routineNodes(page).count()
  expect(count).toBeGreaterThan(2)

  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } })
  await page.keyboard.press('?')
  const overlay = page.getByTestId('shortcuts-dialog')
  await expect(overlay).toContainText('Auto-layout')
  await expect(overlay).toContainText('Undo')
  await shot(page, 'shortcuts', { guide: true })
  await page.keyboard.press('Escape')
  await expect(overlay).toHaveCount(0)

  await page.keyboard.press('Control+f')
  const find = page.getByTestId('find-bar')
  await find.getByLabel('Find routines').fill('no such routine')
  await expect(find).toContainText('No match')
  await find.getByLabel('Find routines').fill('normal')
  await expect(find).toContainText('1/')
  await page.keyboard.press('Enter')
  await expect(page.locator('.routine-node.selected')).toHaveCount(1)
  await waitForStillCanvas(page)
  await shot(page, 'find', { guide: true })
  await page.keyboard.press('Escape')

  await page.mouse.move(300, 600)
  await page.keyboard.press('Shift+N')
  await page.keyboard.type('Remember to add the loader')
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } })
  await expect(page.locator('.note-node', { hasText: 'Remember to add the loader' })).toHaveCount(1)

  await page.getByRole('button', { name: /^Theme/ }).click()
  await page.getByRole('button', { name: /^Theme/ }).click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.keyboard.press('Shift+1')
  await waitForStillCanvas(page)
  await shot(page, 'dark-theme', { guide: true })
})

test('at the smallest window size every panel and top-bar button stays in view', async ({
  page,
  studioHost,
}) => {
  // The desktop window's minimum size.
  await page.setViewportSize({ width: 640, height: 480 })
  await openStudio(page, studioHost.url)
  const inView = async (selector: string) => {
    const box = await page.locator(selector).first().boundingBox()
    if (!box) throw new Error(`${selector} is not on screen`)
    return box.x >= 0 && box.x + box.width <= 640
  }
  expect(await inView('.inspector')).toBe(true)
  expect(await inView('.palette')).toBe(true)
  expect(await inView('.top-actions')).toBe(true)
  expect(await inView('.top-actions > :last-child')).toBe(true)
  await expect(page.getByTestId('run-start')).toBeInViewport({ ratio: 1 })
  const canvas = await page.getByTestId('canvas').boundingBox()
  const card = await page.locator('.empty-card').boundingBox()
  if (!canvas || !card) throw new Error('canvas or empty state not on screen')
  expect(card.x).toBeGreaterThanOrEqual(canvas.x)
  expect(card.x + card.width).toBeLessThanOrEqual(canvas.x + canvas.width + 0.5)
  await shot(page, 'small-window')
})

test('pressing the empty canvas ends note editing, so the keyboard acts on the flow again', async ({
  page,
  studioHost,
}) => {
  await openStudio(page, studioHost.url)
  const pane = page.locator('.react-flow__pane')
  await pane.click({ position: { x: 20, y: 20 } })
  await page.mouse.move(700, 600)
  await page.keyboard.press('Shift+N')
  await page.keyboard.type('draft')
  await pane.click({ position: { x: 20, y: 20 } })
  await expect(page.locator('.note-node textarea')).toHaveCount(0)
  await expect(page.locator('.note-node')).toContainText('draft')
  await page.keyboard.press('Control+a')
  await page.keyboard.press('Delete')
  await expect(page.locator('.note-node')).toHaveCount(0)
})

test('an empty note in an opened flow does not take the keyboard', async ({ page, studioHost }) => {
  const path = await writeFlow(studioHost.workspace, 'blank-note', {
    format: 'routilux-flow',
    version: 1,
    id: 'blank-note',
    name: 'Blank note',
    description: '',
    execution: { mode: 'sequential' },
    routines: [{ id: 'start', type: 'flow.trigger', config: {} }],
    connections: [],
    layout: { positions: { start: { x: 0, y: 0 } } },
    notes: [{ id: 'n1', text: '', x: 0, y: 200, width: 220, height: 120 }],
  })
  await openStudio(page, studioHost.url, { path })
  await expect(page.locator('.note-node')).toHaveCount(1)
  await expect(page.locator('.note-node textarea')).toHaveCount(0)
  await page.keyboard.press('Control+a')
  await page.keyboard.press('Delete')
  await expect(routineNodes(page)).toHaveCount(0)
})
