/**
 * Smoke journey: the built renderer opens in Chromium, connects to a real web-mode host over the
 * WebSocket API, and loads the routine catalog from it. Wrong tokens are refused.
 */
import { expect, test } from './fixtures/host'

test('the studio opens in the browser and talks to the host', async ({ page, studioHost }) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(studioHost.url)
  await expect(page.locator('.connection-status')).toHaveClass(/connected/)
  const info = await page.evaluate(async () => {
    // Runs in the page; the e2e sources are type-checked without the DOM library.
    const { location } = globalThis as unknown as { location: { host: string; search: string } }
    const socket = new WebSocket(`ws://${location.host}/api${location.search}`)
    return new Promise<unknown>((resolve, reject) => {
      socket.onopen = () =>
        socket.send(JSON.stringify({ type: 'call', id: 1, method: 'app.info', request: {} }))
      socket.onmessage = (event) => resolve(JSON.parse(String(event.data)))
      socket.onerror = () => reject(new Error('socket error'))
    })
  })
  expect(info).toMatchObject({
    ok: true,
    response: { transport: 'websocket', workspaceRoot: studioHost.workspace },
  })
  await page.screenshot({ path: test.info().outputPath('studio-connected.png') })
  expect(errors).toEqual([])
})

test('a page with a wrong token never connects', async ({ page, studioHost }) => {
  const wrong = studioHost.url.replace(/token=[^&]+/, 'token=wrong')
  await page.goto(wrong)
  await expect(page.locator('.connection-status')).not.toHaveClass(/\bconnected\b/)
  await page.waitForTimeout(1000)
  await expect(page.locator('.connection-status')).not.toHaveClass(/\bconnected\b/)
})

test('the host keeps the workspace across a restart', async ({ page, studioHost }) => {
  await page.goto(studioHost.url)
  await expect(page.locator('.connection-status')).toHaveClass(/connected/)
  const url = await studioHost.restart()
  await page.goto(url)
  await expect(page.locator('.connection-status')).toHaveClass(/connected/)
})
