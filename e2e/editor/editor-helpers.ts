/**
 * Helpers for the editor journeys: open the studio, add and connect routines the way a user does,
 * read what the canvas shows, and take screenshots (see e2e/fixtures/screenshots.ts).
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'
import type { FlowDocument } from '../../engine/document/types'
import { saveScreenshot } from '../fixtures/screenshots'

/** Opens the studio (optionally with a document) and waits until it is connected and drawn. */
export async function openStudio(page: Page, url: string, options: { path?: string } = {}): Promise<void> {
  const target = options.path ? `${url}&open=${encodeURIComponent(options.path)}` : url
  await page.goto(target)
  await expect(page.locator('.connection-status')).toHaveClass(/\bconnected\b/)
  await expect(page.locator('.palette-item').first()).toBeVisible()
  if (options.path)
    await expect(page.getByTestId('doc-title')).toContainText(options.path.replace(/\.routilux\.json$/, ''))
}

/** Writes a flow document into the host's workspace and returns its workspace path. */
export async function writeFlow(
  workspace: string,
  name: string,
  doc: FlowDocument | string,
): Promise<string> {
  const path = `${name}.routilux.json`
  await writeFile(join(workspace, path), typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2))
  return path
}

export const routineNodes = (page: Page): Locator => page.locator('.react-flow__node-routine')
export const edges = (page: Page): Locator => page.locator('.react-flow__edge')
export const routineNode = (page: Page, id: string): Locator => page.getByTestId(`routine-${id}`)

/** Ids of the routines on the canvas, in document order. */
export async function routineIds(page: Page): Promise<string[]> {
  return page
    .locator('.routine-node')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-routine-id') ?? ''))
}

/** Drags a routine type from the palette onto the canvas at `at` (canvas-relative pixels). */
export async function dragFromPalette(page: Page, type: string, at: { x: number; y: number }): Promise<void> {
  const locator = page.locator(`.palette-item[data-type="${type}"]`)
  await locator.scrollIntoViewIfNeeded()
  const item = await locator.boundingBox()
  const canvas = await page.getByTestId('canvas').boundingBox()
  if (!item || !canvas) throw new Error('palette or canvas not on screen')
  await page.mouse.move(item.x + item.width / 2, item.y + item.height / 2)
  await page.mouse.down()
  await page.mouse.move(canvas.x + at.x, canvas.y + at.y, { steps: 12 })
  await page.mouse.up()
}

/** Adds a routine type by double-clicking it in the palette. */
export async function addFromPalette(page: Page, type: string): Promise<void> {
  await page.locator(`.palette-item[data-type="${type}"]`).dblclick()
}

function handle(page: Page, routine: string, kind: 'e' | 's', port: string): Locator {
  return page.locator(
    `.react-flow__node[data-id="${routine}"] .react-flow__handle[data-handleid="${kind}:${port}"]`,
  )
}

/** Drags from an event handle to a slot handle, as a user connects two routines. */
export async function connect(
  page: Page,
  from: string,
  event: string,
  to: string,
  slot: string,
): Promise<void> {
  const source = await handle(page, from, 'e', event).boundingBox()
  const target = await handle(page, to, 's', slot).boundingBox()
  if (!source || !target) throw new Error(`handles of ${from}.${event} → ${to}.${slot} are not on screen`)
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2)
  await page.mouse.down()
  await page.mouse.move(target.x - 30, target.y + target.height / 2, { steps: 10 })
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 5 })
  await page.mouse.up()
}

/** Screen box of a routine node. */
export async function nodeBox(
  page: Page,
  id: string,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await routineNode(page, id).boundingBox()
  if (!box) throw new Error(`routine ${id} is not on screen`)
  return box
}

/** Clicks a routine's title (selects it). */
export async function selectRoutine(
  page: Page,
  id: string,
  modifiers: ('Control' | 'Shift')[] = [],
): Promise<void> {
  await routineNode(page, id).locator('.routine-title').click({ modifiers })
}

/** Waits until no node moves any more (layout animations, fit view). */
export async function waitForStillCanvas(page: Page): Promise<void> {
  let previous = ''
  await expect
    .poll(
      async () => {
        const now = await page
          .locator('.react-flow__node, .react-flow__viewport')
          .evaluateAll((els) =>
            els.map((e) => (e as unknown as { style: { transform: string } }).style.transform).join('|'),
          )
        const still = now === previous
        previous = now
        return still
      },
      { intervals: [250], timeout: 15_000 },
    )
    .toBe(true)
}

/** Saves a screenshot under test-results/screenshots; a `guide` one is a picture of the user guide. */
export async function shot(page: Page, name: string, options: { guide?: boolean } = {}): Promise<void> {
  await saveScreenshot(page, name, options)
}

/** Fails the test on any uncaught error in the page. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}
