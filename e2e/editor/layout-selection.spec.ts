/** Auto-layout of a selection keeps clear of the routines around it. */
import type { FlowDocument } from '../../engine/document/types'
import { expect, test } from '../fixtures/host'
import {
  nodeBox,
  openStudio,
  selectRoutine,
  waitForStillCanvas,
  watchPageErrors,
  writeFlow,
} from './editor-helpers'

// a → b laid out puts b to the right of a, where c stands.
const crowded: FlowDocument = {
  format: 'routilux-flow',
  version: 1,
  id: 'crowded',
  name: 'Crowded',
  description: '',
  execution: { mode: 'sequential' },
  routines: [
    { id: 'a', type: 'text.clipper', config: {} },
    { id: 'b', type: 'text.clipper', config: {} },
    { id: 'c', type: 'text.clipper', config: {} },
  ],
  connections: [
    {
      id: 'a.output->b.input',
      source: { routine: 'a', event: 'output' },
      target: { routine: 'b', slot: 'input' },
    },
  ],
  layout: { positions: { a: { x: 0, y: 0 }, b: { x: 0, y: 240 }, c: { x: 300, y: 0 } } },
  notes: [],
}

type Box = { x: number; y: number; width: number; height: number }
const overlaps = (p: Box, q: Box) =>
  p.x < q.x + q.width && p.x + p.width > q.x && p.y < q.y + q.height && p.y + p.height > q.y

test('auto-layout of a selection does not put it on top of other routines', async ({ page, studioHost }) => {
  const errors = watchPageErrors(page)
  const path = await writeFlow(studioHost.workspace, 'crowded', crowded)
  await openStudio(page, studioHost.url, { path })
  await selectRoutine(page, 'a')
  await selectRoutine(page, 'b', ['Shift'])
  await page.keyboard.press('Shift+L')
  await expect.poll(async () => (await nodeBox(page, 'b')).x > (await nodeBox(page, 'a')).x).toBe(true)
  await waitForStillCanvas(page)
  const [a, b, c] = [await nodeBox(page, 'a'), await nodeBox(page, 'b'), await nodeBox(page, 'c')]
  expect(a.x + a.width).toBeLessThan(b.x)
  expect(overlaps(a, c)).toBe(false)
  expect(overlaps(b, c)).toBe(false)
  expect(errors).toEqual([])
})
