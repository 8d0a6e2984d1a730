/**
 * D2 export (the host's real D2 compiler renders the text; an SVG back means it compiles), and
 * broken documents: problems are listed, nothing crashes, and a problem focuses its routine.
 */
import type { FlowDocument } from '../../engine/document/types'
import { expect, test } from '../fixtures/host'
import { openStudio, routineNodes, shot, watchPageErrors, writeFlow } from './editor-helpers'

const example: FlowDocument = {
  format: 'routilux-flow',
  version: 1,
  id: 'orders',
  name: 'Orders',
  description: 'Validate orders and log the bad ones',
  execution: { mode: 'sequential' },
  routines: [
    { id: 'orders', type: 'flow.trigger', title: 'New orders', config: {} },
    { id: 'check', type: 'data.validator', title: 'Check "order" fields', config: {} },
    { id: 'accept', type: 'flow.logger', config: {} },
    { id: 'reject', type: 'flow.logger', title: 'Rejected: {why}', config: {} },
  ],
  connections: [
    { id: 'c1', source: { routine: 'orders', event: 'output' }, target: { routine: 'check', slot: 'input' } },
    { id: 'c2', source: { routine: 'check', event: 'valid' }, target: { routine: 'accept', slot: 'input' } },
    {
      id: 'c3',
      source: { routine: 'check', event: 'invalid' },
      target: { routine: 'reject', slot: 'input' },
    },
  ],
  layout: {
    positions: {
      orders: { x: 0, y: 80 },
      check: { x: 320, y: 80 },
      accept: { x: 640, y: 0 },
      reject: { x: 640, y: 170 },
    },
  },
  notes: [],
}

test('export D2: the text names every routine and the host compiles it to SVG', async ({
  page,
  studioHost,
}) => {
  const path = await writeFlow(studioHost.workspace, 'orders', example)
  await openStudio(page, studioHost.url, { path })
  await page.keyboard.press('Control+e')
  const dialog = page.getByTestId('d2-dialog')
  await expect(dialog).toBeVisible()
  const text = dialog.getByTestId('d2-text')
  await expect(text).toHaveValue(/"orders"/)
  for (const id of ['check', 'accept', 'reject']) await expect(text).toHaveValue(new RegExp(`"${id}"`))
  await expect(dialog.getByTestId('d2-status')).toHaveText('Compiles ✓', { timeout: 30_000 })
  await expect(dialog.getByTestId('d2-preview').locator('img')).toBeVisible()
  await shot(page, 'd2-export', { guide: true })

  await dialog.getByLabel('Style').selectOption('compact')
  await expect(dialog.getByTestId('d2-status')).toHaveText('Compiles ✓', { timeout: 30_000 })
})

test('a file that is not JSON opens as problems, not a crash', async ({ page, studioHost }) => {
  const errors = watchPageErrors(page)
  await writeFlow(studioHost.workspace, 'broken', '{ "format": "routilux-flow", "version": 1, "routines": [')
  await openStudio(page, studioHost.url)
  await page.keyboard.press('Control+o')
  const dialog = page.getByTestId('open-dialog')
  await dialog.getByRole('button', { name: /broken\.routilux\.json/ }).dblclick()
  const problems = page.getByTestId('problems-panel')
  await expect(problems).toBeVisible()
  await expect(problems.locator('.problem.error')).not.toHaveCount(0)
  await expect(problems).toContainText('could not be read as a flow')
  await expect(page.locator('.palette-item').first()).toBeVisible()
  expect(errors).toEqual([])
})

test('a document with unknown types and dangling connections shows its problems; a click focuses the routine', async ({
  page,
  studioHost,
}) => {
  const errors = watchPageErrors(page)
  const broken = {
    ...example,
    routines: [...example.routines, { id: 'mystery', type: 'acme.unknown', config: {} }],
    connections: [
      ...example.connections,
      { id: 'c4', source: { routine: 'mystery', event: 'out' }, target: { routine: 'accept', slot: 'nope' } },
      {
        id: 'c5',
        source: { routine: 'ghost', event: 'output' },
        target: { routine: 'accept', slot: 'input' },
      },
    ],
    layout: { positions: { ...example.layout.positions, mystery: { x: 320, y: 300 } } },
  }
  const path = await writeFlow(studioHost.workspace, 'unknown-types', broken)
  await openStudio(page, studioHost.url, { path })
  await expect(routineNodes(page)).toHaveCount(5)
  await page.getByTestId('problems-toggle').click()
  const problems = page.getByTestId('problems-panel')
  await expect(problems).toContainText('acme.unknown')
  await expect(page.getByTestId('routine-mystery')).toHaveClass(/problem-error/)
  await problems.locator('.problem', { hasText: 'acme.unknown' }).first().click()
  await expect(page.getByTestId('routine-mystery')).toHaveClass(/selected/)
  await shot(page, 'problems', { guide: true })
  expect(errors).toEqual([])
})
