/**
 * What the desktop shell hands the page at startup: a document named on the command line arrives as
 * a menu command as soon as the page subscribes, possibly before the editor is mounted, and must win
 * over reopening the most recent file.
 */
import { describe, expect, it, vi } from 'vitest'
import type { AppInfo, OpenedDocument } from '../../../electron/ipc/contract'
import { createFakeBridge, DRAFT_HANDLERS } from '../test/fake-bridge'
import { chainDocument } from '../test/fixtures'
import { connectHost } from './host-link'
import { createStudioStore } from './studio-store'

const opened = (path: string): OpenedDocument => ({
  path,
  name: path.replace('.routilux.json', ''),
  document: chainDocument(),
  problems: [],
  modifiedAt: 100,
})

function startup() {
  const bridge = createFakeBridge({
    'app.info': () => ({ capabilities: { windowShell: true }, menuKeys: [] }) as unknown as AppInfo,
    'registry.describe': () => ({ descriptors: [], problems: [], pluginsDir: '' }),
    'document.listExamples': () => ({ examples: [] }),
    'document.recent': () => ({
      entries: [{ path: 'recent.routilux.json', name: 'recent', openedAt: 1, exists: true }],
    }),
    // The command line's file takes longer to read than the recent one would.
    'document.open': async ({ path }) => {
      if (path === 'cli.routilux.json') await new Promise((r) => setTimeout(r, 30))
      return opened(path)
    },
    ...DRAFT_HANDLERS,
  })
  const store = createStudioStore({ bridge })
  return { bridge, store, s: () => store.getState() }
}

describe('startup in the desktop app', () => {
  it('runs menu commands that arrived before the editor was mounted, once it is', () => {
    const { bridge, store, s } = startup()
    const disconnect = connectHost(store, bridge)
    bridge.push('menu.command', { command: 'view.fitView' })
    const ran: string[] = []
    s().setCommandRunner((command) => {
      ran.push(command)
      return true
    })
    expect(ran).toEqual(['view.fitView'])
    bridge.push('menu.command', { command: 'edit.undo' })
    expect(ran).toEqual(['view.fitView', 'edit.undo'])
    disconnect()
  })

  it('opens the file handed over at launch instead of the most recent one', async () => {
    const { bridge, store, s } = startup()
    s().setCommandRunner((command, arg) => {
      if (command === 'file.openPath' && arg) void s().openPath(arg)
      return true
    })
    const disconnect = connectHost(store, bridge)
    bridge.push('menu.command', { command: 'file.openPath', arg: 'cli.routilux.json' })
    await vi.waitFor(() => expect(s().docPath).toBe('cli.routilux.json'))
    await new Promise((r) => setTimeout(r, 60))
    expect(s().docPath).toBe('cli.routilux.json')
    expect(bridge.calls.filter((c) => c.method === 'document.open').map((c) => c.request)).toEqual([
      { path: 'cli.routilux.json' },
    ])
    disconnect()
  })
})
