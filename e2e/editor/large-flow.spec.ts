/**
 * A large flow zoomed far out: connections are drawn as one picture and routines without ports, so
 * the canvas says that nothing there can be wired and offers the zoom at which editing works again.
 */
import { benchDocument } from '../../bench/editor-doc'
import { expect, test } from '../fixtures/host'
import { openStudio, shot, waitForStillCanvas, watchPageErrors, writeFlow } from './editor-helpers'

test('a large flow zoomed out explains why connections cannot be drawn, and zooms back to edit', async ({
  page,
  studioHost,
}) => {
  const errors = watchPageErrors(page)
  const path = await writeFlow(studioHost.workspace, 'large', benchDocument(300))
  await openStudio(page, studioHost.url, { path })
  // Fitted, 300 routines are far below the level-of-detail zoom.
  const hint = page.getByTestId('zoom-hint')
  await expect(hint).toBeVisible()
  await expect(page.locator('.react-flow__edge')).toHaveCount(0)
  await expect(page.locator('.react-flow__handle')).toHaveCount(0)
  await shot(page, 'large-flow-zoomed-out')

  await page.getByTestId('zoom-hint-zoom').click()
  await waitForStillCanvas(page)
  await expect(hint).toHaveCount(0)
  await expect(page.locator('.react-flow__edge').first()).toBeAttached()
  await expect(page.locator('.react-flow__handle').first()).toBeAttached()
  const transform = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? ''
  expect(Number(/scale\(([\d.]+)\)/.exec(transform)?.[1])).toBeCloseTo(0.5, 2)
  expect(errors).toEqual([])
})
