/**
 * The desktop app itself, launched with Playwright's Electron driver. Electron's binary is downloaded
 * at install time; where it could not be (offline machines, this CI), the journey is reported as
 * skipped with the reason instead of failing.
 */
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

const ROOT = join(import.meta.dirname, '..')

function electronBinary(): { bin?: string; reason?: string } {
  const pkg = join(ROOT, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile))
    return { reason: 'Electron binary not installed (node_modules/electron/path.txt is missing)' }
  const bin = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(bin) ? { bin } : { reason: `Electron binary missing at ${bin}` }
}

const { bin, reason } = electronBinary()

test.describe('desktop app', () => {
  test.skip(bin === undefined, reason ?? '')

  test('opens an isolated window that talks to the host over IPC', async () => {
    const userData = await mkdtemp(join(tmpdir(), 'studio-electron-'))
    const app = await electron.launch({
      ...(bin && { executablePath: bin }),
      args: [ROOT, `--user-data-dir=${userData}`],
      env: { ...process.env, NODE_ENV: 'production' },
    })
    try {
      const window = await app.firstWindow()
      await expect(window.locator('.connection-status')).toHaveClass(/connected/)
      expect(window.url()).toBe('app://studio/index.html')
      const exposed = await window.evaluate(() => {
        const g = globalThis as unknown as { routilux?: object; require?: unknown; process?: unknown }
        return {
          bridge: Object.keys(g.routilux ?? {}).sort(),
          require: typeof g.require,
          process: typeof g.process,
        }
      })
      expect(exposed).toEqual({ bridge: ['call', 'subscribe'], require: 'undefined', process: 'undefined' })
      const menu = await app.evaluate(({ Menu }) =>
        Menu.getApplicationMenu()?.items.map((item) => item.label),
      )
      expect(menu).toEqual(['&File', '&Edit', '&View', '&Run', '&Help'])
    } finally {
      await app.close()
      await rm(userData, { recursive: true, force: true })
    }
  })
})
