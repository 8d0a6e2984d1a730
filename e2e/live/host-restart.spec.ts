/**
 * Web mode after the host restarts on the same port (a new token): the open page says so in a
 * persistent notice instead of "disconnected" forever, stops reconnecting, keeps the unsaved flow on
 * screen, and the new address offers the draft it kept.
 */
import { rm } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import {
  makeWebHostFolders,
  startWebHostProcess,
  type WebHostProcess,
} from '../../electron/web/testing/web-host-process'

test('a page whose host restarted tells the user where to go, and the draft is offered there', async ({
  page,
}) => {
  const folders = await makeWebHostFolders('studio-restart-')
  let host: WebHostProcess = await startWebHostProcess(folders)
  try {
    const port = Number(new URL(host.url).port)
    await page.goto(host.url)
    await expect(page.locator('.connection-status')).toHaveClass(/\bconnected\b/)
    await page.getByText('Data Transformer', { exact: true }).dblclick()
    await expect(page.locator('.react-flow__node')).toHaveCount(1)
    await expect(page.locator('.draft-time')).toBeVisible()

    await host.stop()
    host = await startWebHostProcess(folders, port)
    const notice = page.getByTestId('host-refused')
    await expect(notice).toContainText('open the new address printed in its terminal', { timeout: 20_000 })
    await expect(notice).toContainText('kept as a draft')
    await expect(page.locator('.connection-status')).toHaveText(/refused/)
    await expect(page.locator('.react-flow__node')).toHaveCount(1)

    // No more attempts: the old token can never work again.
    let attempts = 0
    page.on('websocket', () => {
      attempts += 1
    })
    await page.waitForTimeout(3000)
    expect(attempts).toBe(0)

    const download = page.waitForEvent('download')
    await notice.getByRole('button', { name: 'Download the flow' }).click()
    expect((await download).suggestedFilename()).toMatch(/\.routilux\.json$/)

    await page.goto(host.url)
    await expect(page.locator('.draft-list')).toContainText('Recover')
  } finally {
    await host.stop()
    await rm(folders.root, { recursive: true, force: true })
  }
})
