/**
 * Enforces the process boundary's two rules in `npm test`: raw `ipcMain` / `ipcRenderer` appear only
 * in the two IPC helper files, and untrusted senders cannot reach the host.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { createTempHost, type TempHost } from '../host/testing/temp-host'
import { HostErrorCode } from './contract'
import { bindMainIpc } from './main-ipc'
import { createPreloadApi } from './preload-api'
import { createChannelIpc } from './testing/message-channel-ipc'

const root = fileURLToPath(new URL('../..', import.meta.url))
const ALLOWED = new Set(['electron/ipc/main-ipc.ts', 'electron/preload.ts'])

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(root, dir), { withFileTypes: true })
  const files: string[] = []
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) files.push(...(await sourceFiles(path)))
    else if (/\.(ts|tsx|mjs|js)$/.test(entry.name) && !entry.name.includes('.test.')) files.push(path)
  }
  return files
}

describe('IPC boundary', () => {
  it('uses raw ipcMain / ipcRenderer only in the two helper files', async () => {
    const offenders: string[] = []
    for (const dir of ['electron', 'renderer', 'engine', 'scripts']) {
      for (const file of await sourceFiles(dir)) {
        const text = await readFile(join(root, file), 'utf8')
        const rel = relative(root, join(root, file))
        const importsElectron =
          /from\s+['"]electron['"]|import\(['"]electron['"]\)|require\(['"]electron['"]\)/.test(text)
        if (importsElectron && /\bipc(Main|Renderer)\b/.test(text) && !ALLOWED.has(rel)) {
          offenders.push(rel)
        }
      }
    }
    expect(offenders).toEqual([])
  })

  it('helper files really are the ones importing them', async () => {
    expect(await readFile(join(root, 'electron/preload.ts'), 'utf8')).toMatch(/ipcRenderer.*from 'electron'/)
    expect(await readFile(join(root, 'electron/ipc/main-ipc.ts'), 'utf8')).toMatch(
      /ipcMain.*await import\('electron'\)/,
    )
  })
})

describe('sender check', () => {
  let temp: TempHost | undefined
  afterEach(async () => {
    await temp?.close()
    temp = undefined
  })

  it('refuses calls and subscriptions from a frame the studio does not trust', async () => {
    temp = await createTempHost()
    const ipc = createChannelIpc({ frameUrl: 'https://evil.example/' })
    const rejected: string[] = []
    const unbind = bindMainIpc(ipc.ipcMain, temp.host.endpoint, {
      isTrustedSender: (_sender, url) => url === 'app://studio/index.html',
      onRejected: (reason) => rejected.push(reason),
    })
    const api = createPreloadApi(ipc.ipcRenderer)
    expect(await api.call('app.info', {})).toMatchObject({
      ok: false,
      error: { code: HostErrorCode.FORBIDDEN },
    })
    api.subscribe('jobs.changed', () => undefined)
    await new Promise((r) => setTimeout(r, 20))
    expect(temp.host.hub.subscriberCount('jobs.changed')).toBe(0)
    expect(rejected.length).toBe(2)
    unbind()
    ipc.close()
  })

  it('drops the connection when the window is destroyed', async () => {
    temp = await createTempHost()
    const ipc = createChannelIpc({ frameUrl: 'app://studio/index.html' })
    const unbind = bindMainIpc(ipc.ipcMain, temp.host.endpoint, { isTrustedSender: () => true })
    const api = createPreloadApi(ipc.ipcRenderer)
    api.subscribe('jobs.changed', () => undefined)
    await new Promise((r) => setTimeout(r, 20))
    expect(temp.host.hub.subscriberCount('jobs.changed')).toBe(1)
    ipc.close()
    expect(temp.host.hub.subscriberCount('jobs.changed')).toBe(0)
    unbind()
  })
})
