/**
 * Helpers of the live-execution journeys: flow documents written into the test workspace, opening
 * them in the studio, reading overlays off the canvas, and screenshots (see e2e/fixtures/screenshots.ts).
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'
import type { ConnectionSpec, FlowDocument, RoutineSpec } from '../../engine/document/types'
import { saveScreenshot } from '../fixtures/screenshots'

/** A connection `source.event → target.slot` with the id `id`. */
export function link(
  id: string,
  source: string,
  event: string,
  target: string,
  slot = 'input',
): ConnectionSpec {
  return { id, source: { routine: source, event }, target: { routine: target, slot } }
}

/** A sequential flow document laid out left to right in the order of `routines`. */
export function flow(
  id: string,
  name: string,
  routines: RoutineSpec[],
  connections: ConnectionSpec[],
): FlowDocument {
  const positions: FlowDocument['layout']['positions'] = {}
  routines.forEach((r, i) => {
    positions[r.id] = { x: i * 290, y: 0 }
  })
  return {
    format: 'routilux-flow',
    version: 1,
    id,
    name,
    description: '',
    execution: { mode: 'sequential' },
    routines,
    connections,
    layout: { positions },
    notes: [],
  }
}

/** Writes `doc` into the workspace; returns its workspace path. */
export async function writeFlow(workspace: string, doc: FlowDocument): Promise<string> {
  const path = `${doc.id}.routilux.json`
  await writeFile(join(workspace, path), `${JSON.stringify(doc, null, 2)}\n`)
  return path
}

/** Opens the studio at `url` with a workspace document or an example, connected and loaded. */
export async function openStudio(
  page: Page,
  url: string,
  target: { path?: string; example?: string },
): Promise<void> {
  const query = target.path
    ? `&open=${encodeURIComponent(target.path)}`
    : `&example=${encodeURIComponent(target.example ?? '')}`
  await page.goto(`${url}${query}`)
  await expect(page.locator('.connection-status')).toHaveClass(/\bconnected\b/)
  await expect(page.getByTestId('run-start')).toBeEnabled()
}

/** Opens a menu of the top bar's main menu (its `Run` menu shares a name with the Run button). */
export async function openMenu(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name, exact: true }).click()
}

/** The status badge of a routine's overlay. */
export function routineStatus(page: Page, routineId: string): Locator {
  return page.getByTestId(`routine-${routineId}`).getByTestId('run-status')
}

/** The delivered-count label of a connection. */
export function edgeCount(page: Page, connectionId: string): Locator {
  return page.getByTestId(`edge-count-${connectionId}`)
}

/** Checks that a connection's count label is drawn on the connection (its centre inside the path's box). */
export async function expectLabelOnConnection(page: Page, connectionId: string): Promise<void> {
  const label = await edgeCount(page, connectionId).boundingBox()
  const path = await page
    .locator(`.react-flow__edge[data-id="${connectionId}"] path.connection-edge`)
    .boundingBox()
  expect(label, `label of ${connectionId}`).not.toBeNull()
  expect(path, `path of ${connectionId}`).not.toBeNull()
  if (!label || !path) return
  const x = label.x + label.width / 2
  const y = label.y + label.height / 2
  expect(x, `label of ${connectionId}`).toBeGreaterThanOrEqual(path.x - 2)
  expect(x, `label of ${connectionId}`).toBeLessThanOrEqual(path.x + path.width + 2)
  expect(y, `label of ${connectionId}`).toBeGreaterThanOrEqual(path.y - 2)
  expect(y, `label of ${connectionId}`).toBeLessThanOrEqual(path.y + path.height + 2)
}

/** The job status chip in the top bar. */
export function runChip(page: Page): Locator {
  return page.getByTestId('run-chip')
}

/** Waits for the focused job to reach `status`. */
export async function expectJob(page: Page, status: string, timeout = 30_000): Promise<void> {
  await expect(runChip(page)).toHaveAttribute('data-status', status, { timeout })
}

/** Reads a numeric data attribute. */
export async function numberAttribute(locator: Locator, name: string): Promise<number> {
  return Number(await locator.getAttribute(name))
}

/** Types the entry parameters into the run settings' JSON editor. */
export async function setRunParams(page: Page, json: string): Promise<void> {
  await page.getByTestId('run-settings-toggle').click()
  const editor = page.getByTestId('run-params').locator('.cm-content')
  await editor.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Delete')
  await page.keyboard.insertText(json)
  await page.getByTestId('run-settings-toggle').click()
}

/** Fits the flow into view (the canvas control), so screenshots show every routine. */
export async function fitView(page: Page): Promise<void> {
  await page.locator('.react-flow__controls-fitview').click()
  await page.waitForTimeout(400)
}

/** Saves a screenshot of the window as `run-<name>.png` (a picture of the guide's "Watching a run"). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, `run-${name}`, { guide: true })
}
