/**
 * The inspector: config forms check values as you type, script routines get a code editor with
 * syntax errors inline, dynamic ports follow the config, and renaming keeps connections intact.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FlowDocument } from '../../engine/document/types'
import { expect, test } from '../fixtures/host'
import {
  addFromPalette,
  openStudio,
  routineNode,
  selectRoutine,
  shot,
  watchPageErrors,
  writeFlow,
} from './editor-helpers'

const pair: FlowDocument = {
  format: 'routilux-flow',
  version: 1,
  id: 'pair',
  name: 'Pair',
  description: '',
  execution: { mode: 'sequential' },
  routines: [
    { id: 'start', type: 'flow.trigger', config: {} },
    { id: 'clip', type: 'text.clipper', config: { max_length: 100 } },
  ],
  connections: [
    {
      id: 'start.output->clip.input',
      source: { routine: 'start', event: 'output' },
      target: { routine: 'clip', slot: 'input' },
    },
  ],
  layout: { positions: { start: { x: 0, y: 0 }, clip: { x: 320, y: 0 } } },
  notes: [],
}

test('config values are checked, ids stay unique and a rename keeps the connection', async ({
  page,
  studioHost,
}) => {
  const errors = watchPageErrors(page)
  const path = await writeFlow(studioHost.workspace, 'pair', pair)
  await openStudio(page, studioHost.url, { path })
  await selectRoutine(page, 'clip')
  const inspector = page.getByTestId('routine-inspector')

  await inspector.getByLabel('Maximum length (characters)').fill('0')
  await expect(inspector.locator('.form-field.has-error')).toContainText(/1/)
  await inspector.getByLabel('Maximum length (characters)').fill('50')
  await expect(inspector.locator('.form-field.has-error')).toHaveCount(0)

  const id = inspector.getByLabel('Id', { exact: true })
  await id.fill('start')
  await id.press('Enter')
  await expect(inspector).toContainText('already used')
  await id.fill('clipper')
  await id.press('Enter')
  await expect(routineNode(page, 'clipper')).toBeVisible()
  await expect(page.locator('.react-flow__edge[data-id="start.output->clipper.input"]')).toHaveCount(1)
  expect(errors).toEqual([])
})

test('a script routine gets a code editor with syntax errors shown inline; its ports follow the config', async ({
  page,
  studioHost,
}) => {
  await openStudio(page, studioHost.url)
  await addFromPalette(page, 'script.javascript')
  await selectRoutine(page, 'javascript')
  const editor = page.getByTestId('script-editor').locator('.cm-content')
  await expect(editor).toBeVisible()
  await editor.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('\nconst broken = (1 + ')
  await expect(page.getByTestId('script-error')).toContainText(/Line \d+, column \d+/)
  await expect(page.locator('.cm-lintRange-error').first()).toBeVisible()
  await shot(page, 'script-editor', { guide: true })
  await page.keyboard.type('2)')
  await expect(page.getByTestId('script-error')).toHaveCount(0)

  const events = page
    .getByTestId('routine-inspector')
    .locator('fieldset, .form-field', { hasText: 'Output events' })
    .first()
  await events.getByRole('button', { name: '+ Add' }).click()
  await events.locator('input').last().fill('scored')
  await expect(
    page.locator('.react-flow__node[data-id="javascript"] .react-flow__handle[data-handleid="e:scored"]'),
  ).toHaveCount(1)
})

test('a number setting out of its bounds is refused with the reason and the flow stays saveable', async ({
  page,
  studioHost,
}) => {
  const path = await writeFlow(studioHost.workspace, 'pair', pair)
  await openStudio(page, studioHost.url, { path })
  await page.getByRole('tab', { name: 'Flow settings' }).click()
  const timeout = page.getByLabel('Handler timeout (ms)')
  await timeout.fill('-5')
  await expect(page.getByTestId('flow-settings').locator('.form-field.has-error')).toContainText(
    'greater than 0',
  )
  await timeout.fill('250')
  await expect(page.getByTestId('flow-settings').locator('.form-field.has-error')).toHaveCount(0)
  await timeout.fill('0')
  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0)
  const saved = JSON.parse(await readFile(join(studioHost.workspace, path), 'utf8')) as FlowDocument
  expect(saved.execution.handlerTimeoutMs).toBe(250)
})

test('a title longer than the format allows stops at its limit, so the saved flow opens again', async ({
  page,
  studioHost,
}) => {
  const path = await writeFlow(studioHost.workspace, 'pair', pair)
  await openStudio(page, studioHost.url, { path })
  await selectRoutine(page, 'clip')
  await page.getByLabel('Title').fill('x'.repeat(600))
  await page.keyboard.press('Control+s')
  await expect(page.getByTestId('dirty-indicator')).toHaveCount(0)
  await openStudio(page, studioHost.url, { path })
  await expect(routineNode(page, 'clip')).toContainText('x'.repeat(40))
  await expect(page.getByTestId('problems-panel').locator('.unreadable')).toHaveCount(0)
  const saved = JSON.parse(await readFile(join(studioHost.workspace, path), 'utf8')) as FlowDocument
  expect(saved.routines.find((r) => r.id === 'clip')?.title).toHaveLength(500)
})
