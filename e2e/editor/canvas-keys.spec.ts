/**
 * Keyboard edge cases of the canvas and the inspector: what the browser's own undo in a text field
 * may and may not change.
 */
import { expect, test } from '../fixtures/host'
import { addFromPalette, openStudio, routineNode, watchPageErrors } from './editor-helpers'

test('Ctrl+Z in the next field after an id renamed with Tab renames the routine back, as the Id field shows', async ({
  page,
  studioHost,
}) => {
  const errors = watchPageErrors(page)
  await openStudio(page, studioHost.url)
  await addFromPalette(page, 'data.transformer')
  const id = page.locator('#routine-id')
  await expect(id).toHaveValue('transformer')
  await id.fill('renamed')
  await page.keyboard.press('Tab')
  await expect(page.locator('#routine-title')).toBeFocused()
  await expect(routineNode(page, 'renamed')).toBeVisible()

  // Chrome's undo history spans the page's fields: it puts the old text back into the Id field,
  // and the routine follows what the field shows.
  await page.keyboard.press('ControlOrMeta+z')
  await expect(id).toHaveValue('transformer')
  await expect(routineNode(page, 'transformer')).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(routineNode(page, 'transformer')).toBeVisible()
  await expect(id).toHaveValue('transformer')
  // The rename back is an ordinary step of the flow's history.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } })
  await page.keyboard.press('ControlOrMeta+z')
  await expect(routineNode(page, 'renamed')).toBeVisible()
  expect(errors).toEqual([])
})

test('Tab moves the focus through the window unless the pointer is over the canvas', async ({
  page,
  studioHost,
}) => {
  const errors = watchPageErrors(page)
  await openStudio(page, studioHost.url)
  const quickAdd = page.getByPlaceholder('Add a routine…')
  const palette = await page.locator('.palette-item').first().boundingBox()
  if (!palette) throw new Error('the palette is not on screen')
  await page.mouse.move(palette.x + palette.width / 2, palette.y + palette.height / 2)
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(quickAdd).toHaveCount(0)
  await expect(page.locator('body')).not.toBeFocused()

  const canvas = await page.getByTestId('canvas').boundingBox()
  if (!canvas) throw new Error('the canvas is not on screen')
  await page.mouse.click(canvas.x + 60, canvas.y + 40)
  await page.keyboard.press('Tab')
  await expect(quickAdd).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(quickAdd).toHaveCount(0)
  expect(errors).toEqual([])
})

test('the menus work from the keyboard: arrows move through the items, Escape goes back to the button', async ({
  page,
  studioHost,
}) => {
  const errors = watchPageErrors(page)
  await openStudio(page, studioHost.url)
  const view = page.getByRole('button', { name: 'View', exact: true })
  await view.focus()
  await page.keyboard.press('ArrowDown')
  const items = page.getByRole('menu').getByRole('menuitem')
  await expect(items.first()).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(items.nth(1)).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  await expect(page.getByRole('menu').locator('.menu-item:not(:disabled)').last()).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('menu')).toHaveCount(0)
  await expect(view).toBeFocused()

  // ArrowUp on the button opens the menu at its last item.
  await page.keyboard.press('ArrowUp')
  await expect(page.getByRole('menu').locator('.menu-item:not(:disabled)').last()).toBeFocused()
  expect(errors).toEqual([])
})
