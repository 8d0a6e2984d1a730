/**
 * Picks the transport at startup: the preload's IPC API when the page runs inside the desktop app,
 * otherwise a WebSocket to the web-mode host that served the page, authenticated by the `token`
 * query parameter of the page URL.
 */
import type { PreloadApi, StudioBridge } from '../../../electron/ipc/contract'
import { PRELOAD_GLOBAL, WS_PATH } from '../../../electron/ipc/contract'
import { createIpcBridge } from './ipc-bridge'
import { tokenProbe } from './token-probe'
import { createWebSocketBridge } from './ws-bridge'

/** The parts of `window` the choice depends on. */
export interface BridgeEnvironment {
  readonly location: { readonly protocol: string; readonly host: string; readonly search: string }
  readonly [PRELOAD_GLOBAL]?: PreloadApi
}

/** The WebSocket API URL for a page served by the web-mode host. */
export function webSocketUrl(location: BridgeEnvironment['location']): string {
  const token = new URLSearchParams(location.search).get('token') ?? ''
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${location.host}${WS_PATH}?token=${encodeURIComponent(token)}`
}

/** Creates the bridge for this page. */
export function createBridge(environment: BridgeEnvironment): StudioBridge {
  const api = environment[PRELOAD_GLOBAL]
  if (api) return createIpcBridge(api)
  const url = webSocketUrl(environment.location)
  return createWebSocketBridge({ url, probe: tokenProbe(url) })
}
