/** Connections that are hard to draw: a routine feeding itself must stay visible and selectable. */
import type { FlowDocument } from '../../engine/document/types'
import { expect, test } from '../fixtures/host'
import { openStudio, routineNode, watchPageErrors, writeFlow } from './editor-helpers'

const loop: FlowDocument = {
  format: 'routilux-flow',
  version: 1,
  id: 'loop',
  name: 'Loop',
  description: '',
  execution: { mode: 'sequential' },
  routines: [{ id: 'clip', type: 'text.clipper', config: { max_length: 100 } }],
  connections: [
    {
      id: 'clip.output->clip.input',
      source: { routine: 'clip', event: 'output' },
      target: { routine: 'clip', slot: 'input' },
    },
  ],
  layout: { positions: { clip: { x: 0, y: 0 } } },
  notes: [],
}

test('a connection from a routine into itself loops under the node and can be selected', async ({
  page,
  studioHost,
}) => {
  const errors = watchPageErrors(page)
  const path = await writeFlow(studioHost.workspace, 'loop', loop)
  await openStudio(page, studioHost.url, { path })
  const node = await routineNode(page, 'clip').boundingBox()
  const edge = page.locator('.react-flow__edge[data-id="clip.output->clip.input"] path.connection-edge')
  const line = await edge.boundingBox()
  if (!node || !line) throw new Error('the routine or its connection is not on screen')
  // A bezier from the right side back to the left side would run hidden behind the node.
  expect(line.y + line.height).toBeGreaterThan(node.y + node.height + 10)

  await page.mouse.click(node.x + node.width / 2, line.y + line.height - 1)
  await expect(page.locator('.react-flow__edge[data-id="clip.output->clip.input"]')).toHaveClass(
    /\bselected\b/,
  )
  await expect(page.getByText('Delete connection')).toBeVisible()
  expect(errors).toEqual([])
})
