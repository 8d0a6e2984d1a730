/**
 * Editing journeys: copy and paste a connected pair (connection kept, ids renamed), auto-layout a
 * scrambled flow into left-to-right order, and the quick-add box after dropping a connection.
 */
import type { FlowDocument } from '../../engine/document/types'
import { expect, test } from '../fixtures/host'
import {
  edges,
  nodeBox,
  openStudio,
  routineIds,
  routineNode,
  routineNodes,
  selectRoutine,
  shot,
  waitForStillCanvas,
  writeFlow,
} from './editor-helpers'

function chain(positions: Record<string, { x: number; y: number }>): FlowDocument {
  return {
    format: 'routilux-flow',
    version: 1,
    id: 'chain',
    name: 'Chain',
    description: '',
    execution: { mode: 'sequential' },
    routines: [
      { id: 'start', type: 'flow.trigger', config: {} },
      { id: 'clip', type: 'text.clipper', config: {} },
      { id: 'log', type: 'flow.logger', config: {} },
    ],
    connections: [
      {
        id: 'start.output->clip.input',
        source: { routine: 'start', event: 'output' },
        target: { routine: 'clip', slot: 'input' },
      },
      {
        id: 'clip.output->log.input',
        source: { routine: 'clip', event: 'output' },
        target: { routine: 'log', slot: 'input' },
      },
    ],
    layout: { positions },
    notes: [],
  }
}

const tidy = { start: { x: 0, y: 0 }, clip: { x: 320, y: 0 }, log: { x: 640, y: 0 } }
const scrambled = { start: { x: 700, y: 400 }, clip: { x: 0, y: 0 }, log: { x: 300, y: 700 } }

test('copy and paste a connected pair keeps its connection and renames the ids', async ({
  page,
  studioHost,
}) => {
  const path = await writeFlow(studioHost.workspace, 'chain', chain(tidy))
  await openStudio(page, studioHost.url, { path })
  await expect(routineNodes(page)).toHaveCount(3)

  await selectRoutine(page, 'start')
  await selectRoutine(page, 'clip', ['Control'])
  await page.keyboard.press('Control+c')
  const pane = await page.locator('.react-flow__pane').boundingBox()
  if (!pane) throw new Error('no canvas')
  await page.mouse.move(pane.x + 120, pane.y + pane.height - 160)
  await page.keyboard.press('Control+v')

  await expect(routineNodes(page)).toHaveCount(5)
  await expect(edges(page)).toHaveCount(3)
  expect(await routineIds(page)).toEqual(['start', 'clip', 'log', 'start_2', 'clip_2'])
  await expect(page.locator('.react-flow__edge[data-id="start_2.output->clip_2.input"]')).toHaveCount(1)
  await expect(page.locator('.routine-node.selected')).toHaveCount(2)
  const pasted = await nodeBox(page, 'start_2')
  expect(Math.abs(pasted.x - (pane.x + 120))).toBeLessThan(40)
  await shot(page, 'copy-paste')

  await page.keyboard.press('Control+z')
  await expect(routineNodes(page)).toHaveCount(3)
})

test('auto-layout puts a scrambled flow in order, left to right, as one undo step', async ({
  page,
  studioHost,
}) => {
  const path = await writeFlow(studioHost.workspace, 'scrambled', chain(scrambled))
  await openStudio(page, studioHost.url, { path })
  await expect(routineNodes(page)).toHaveCount(3)
  await shot(page, 'layout-before')

  await page.keyboard.press('Shift+L')
  await expect
    .poll(async () => {
      const [a, b, c] = await Promise.all([
        nodeBox(page, 'start'),
        nodeBox(page, 'clip'),
        nodeBox(page, 'log'),
      ])
      return a.x < b.x && b.x < c.x && Math.abs(a.y - c.y) < 40
    })
    .toBe(true)
  await waitForStillCanvas(page)
  await shot(page, 'layout-after', { guide: true })

  await page.keyboard.press('Control+z')
  await expect.poll(async () => (await nodeBox(page, 'start')).x > (await nodeBox(page, 'log')).x).toBe(true)
})

test('dropping a connection on empty canvas offers a routine and wires it', async ({ page, studioHost }) => {
  const path = await writeFlow(studioHost.workspace, 'chain', chain(tidy))
  await openStudio(page, studioHost.url, { path })
  const source = await page
    .locator('.react-flow__node[data-id="log"] .react-flow__handle[data-handleid="e:output"]')
    .boundingBox()
  if (!source) throw new Error('no handle')
  await page.mouse.move(source.x + 5, source.y + 5)
  await page.mouse.down()
  await page.mouse.move(source.x - 150, source.y + 180, { steps: 12 })
  await page.mouse.up()
  const box = page.getByRole('dialog', { name: 'Add a routine' })
  await expect(box).toBeVisible()
  await box.getByLabel('Routine type', { exact: true }).fill('clipper')
  await shot(page, 'quick-add', { guide: true })
  await page.keyboard.press('Enter')
  await expect(routineNodes(page)).toHaveCount(4)
  await expect(page.locator('.react-flow__edge[data-id="log.output->clipper.input"]')).toHaveCount(1)
})

test('Enter in the palette search adds the first match; arrow down walks the list', async ({
  page,
  studioHost,
}) => {
  await openStudio(page, studioHost.url)
  const search = page.getByLabel('Search routines')
  await search.fill('clip')
  await search.press('Enter')
  await expect(routineNode(page, 'clipper')).toBeVisible()
  await search.fill('logger')
  await search.press('ArrowDown')
  await expect(page.locator('.palette-item[data-type="flow.logger"]')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(routineNode(page, 'logger')).toBeVisible()
})

test('arrow keys on a clicked routine nudge it 1 px (Shift: 10 px) as one undo step', async ({
  page,
  studioHost,
}) => {
  const path = await writeFlow(studioHost.workspace, 'chain', chain(tidy))
  await openStudio(page, studioHost.url, { path })
  await selectRoutine(page, 'clip')
  const position = () =>
    page
      .locator('.react-flow__node[data-id="clip"]')
      .evaluate((e) => (e as unknown as { style: { transform: string } }).style.transform)
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Shift+ArrowDown')
  await expect.poll(position).toBe('translate(322px, 10px)')
  await page.keyboard.press('Control+z')
  await expect.poll(position).toBe('translate(320px, 0px)')
})
