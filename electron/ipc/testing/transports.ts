/**
 * The two real transports, set up for tests against a `StudioHost`: Electron IPC (main-side binding,
 * message channel, preload API, renderer IPC bridge) and WebSocket (web server, `ws` client, renderer
 * WebSocket bridge). The contract suite runs unchanged over both.
 */
import { WebSocket } from 'ws'
import { createIpcBridge } from '../../../renderer/src/bridge/ipc-bridge'
import { createWebSocketBridge, type WebSocketLike } from '../../../renderer/src/bridge/ws-bridge'
import type { StudioHost } from '../../host/studio-host'
import { startWebServer } from '../../web/web-server'
import type { StudioBridge } from '../contract'
import { bindMainIpc } from '../main-ipc'
import { createPreloadApi } from '../preload-api'
import { createChannelIpc } from './message-channel-ipc'

export interface TransportUnderTest {
  readonly bridge: StudioBridge
  close(): Promise<void>
}

export type TransportName = 'ipc' | 'websocket'

/** The studio's page URL in the desktop app (what the sender check trusts). */
export const APP_PAGE_URL = 'app://studio/index.html'

export async function openIpc(host: StudioHost): Promise<TransportUnderTest> {
  const ipc = createChannelIpc({ frameUrl: APP_PAGE_URL })
  const unbind = bindMainIpc(ipc.ipcMain, host.endpoint, {
    isTrustedSender: (_sender, url) => url === APP_PAGE_URL,
  })
  const bridge = createIpcBridge(createPreloadApi(ipc.ipcRenderer))
  return {
    bridge,
    close: async () => {
      unbind()
      ipc.close()
    },
  }
}

export async function openWebSocket(host: StudioHost, staticDir: string): Promise<TransportUnderTest> {
  const server = await startWebServer({
    endpoint: host.endpoint,
    staticDir,
    token: 'test-token-0123456789',
    maxMessageBytes: 1024 * 1024,
  })
  const url = `ws://127.0.0.1:${server.port}/api?token=test-token-0123456789`
  const bridge = createWebSocketBridge({
    url,
    createSocket: (u) =>
      new WebSocket(u, { origin: `http://127.0.0.1:${server.port}` }) as unknown as WebSocketLike,
    initialBackoffMs: 20,
  })
  await new Promise<void>((resolve) => {
    const off = bridge.onStatus((status) => {
      if (status === 'connected') {
        queueMicrotask(() => off())
        resolve()
      }
    })
  })
  return {
    bridge,
    close: async () => {
      bridge.close()
      await server.close()
    },
  }
}
