/** The script editor in the dark theme: every syntax colour stays readable on the editor's background. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '../fixtures/host'
import { type Colours, contrast } from './contrast'
import { openStudio, selectRoutine, watchPageErrors, writeFlow } from './editor-helpers'

test('script code is readable in the dark theme', async ({ page, studioHost }) => {
  const errors = watchPageErrors(page)
  await page.emulateMedia({ colorScheme: 'dark' })
  const example = await readFile(join('resources', 'examples', 'lead-scoring-script.routilux.json'), 'utf8')
  const path = await writeFlow(studioHost.workspace, 'lead-scoring', example)
  await openStudio(page, studioHost.url, { path })
  await selectRoutine(page, 'score')
  const editor = page.locator('.cm-editor').first()
  await expect(editor.locator('.cm-line').first()).toBeVisible()
  const colours = await editor.evaluate((el) => {
    // The e2e folder is typechecked without the DOM library.
    type Element = { querySelectorAll(s: string): ArrayLike<Element>; textContent: string | null }
    const css = (globalThis as unknown as { getComputedStyle: (e: Element) => Colours }).getComputedStyle
    const root = el as unknown as Element
    const background = css(root).backgroundColor
    const spans = Array.from(root.querySelectorAll('.cm-content span'))
    return spans.map((span) => ({ text: span.textContent ?? '', color: css(span).color, background }))
  })
  expect(colours.length).toBeGreaterThan(5)
  for (const { text, color, background } of colours)
    expect(contrast(color, background), `"${text}": ${color} on ${background}`).toBeGreaterThan(4.5)
  expect(errors).toEqual([])
})
