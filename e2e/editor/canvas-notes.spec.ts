/** Sticky notes in the dark theme: a note given a colour keeps its text readable. */
import type { FlowDocument } from '../../engine/document/types'
import { expect, test } from '../fixtures/host'
import { type Colours, contrast } from './contrast'
import { openStudio, watchPageErrors, writeFlow } from './editor-helpers'

const notes: FlowDocument = {
  format: 'routilux-flow',
  version: 1,
  id: 'notes',
  name: 'Notes',
  description: '',
  execution: { mode: 'sequential' },
  routines: [{ id: 'start', type: 'flow.trigger', config: {} }],
  connections: [],
  layout: { positions: { start: { x: 0, y: 0 } } },
  notes: [
    { id: 'plain', text: 'Default colour', x: 0, y: 160, width: 200, height: 80 },
    { id: 'yellow', text: 'Yellow note', x: 260, y: 160, width: 200, height: 80, color: '#fff3b0' },
  ],
}

test('a coloured note keeps readable text in the dark theme', async ({ page, studioHost }) => {
  const errors = watchPageErrors(page)
  await page.emulateMedia({ colorScheme: 'dark' })
  const path = await writeFlow(studioHost.workspace, 'notes', notes)
  await openStudio(page, studioHost.url, { path })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  for (const id of ['plain', 'yellow']) {
    const note = page.locator(`.react-flow__node[data-id="note:${id}"] .note-node`)
    await expect(note).toBeVisible()
    const [fg, bg] = await note.evaluate((el) => {
      // The e2e folder is typechecked without the DOM library.
      const style = (globalThis as unknown as { getComputedStyle: (e: unknown) => Colours }).getComputedStyle(
        el,
      )
      return [style.color, style.backgroundColor] as const
    })
    expect(contrast(fg, bg), `${id}: ${fg} on ${bg}`).toBeGreaterThan(4.5)
  }
  expect(errors).toEqual([])
})
