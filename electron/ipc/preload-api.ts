/**
 * Preload side of the Electron transport, written against the structural subset of `ipcRenderer` it
 * needs (the preload passes the real one; contract tests pass one backed by a message channel). It
 * builds the small `PreloadApi` exposed to the page: calls go through one invoke channel, stream
 * subscriptions are reference-counted so the host pushes only what some listener wants.
 */
import type { CallResult, PreloadApi } from './contract'
import { HostErrorCode, IPC_CHANNELS } from './contract'

/** The part of `ipcRenderer` the preload uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  send(channel: string, ...args: unknown[]): void
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

/** Creates the API the preload exposes as `window.routilux`. */
export function createPreloadApi(ipc: IpcRendererLike): PreloadApi {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()

  ipc.on(IPC_CHANNELS.push, (_event, stream, payload) => {
    if (typeof stream !== 'string') return
    for (const listener of listeners.get(stream) ?? []) listener(payload)
  })

  return {
    async call(method, request) {
      try {
        return (await ipc.invoke(IPC_CHANNELS.call, method, request)) as CallResult
      } catch (error) {
        // Only a broken channel (window closing, request not cloneable) lands here.
        return {
          ok: false,
          error: {
            code: HostErrorCode.DISCONNECTED,
            message: error instanceof Error ? error.message : String(error),
          },
        }
      }
    },
    subscribe(stream, listener) {
      let set = listeners.get(stream)
      if (!set) {
        set = new Set()
        listeners.set(stream, set)
      }
      if (set.size === 0) ipc.send(IPC_CHANNELS.subscribe, stream)
      const wrapped = (payload: unknown) => listener(payload)
      set.add(wrapped)
      return () => {
        const current = listeners.get(stream)
        if (!current?.delete(wrapped)) return
        if (current.size === 0) ipc.send(IPC_CHANNELS.unsubscribe, stream)
      }
    },
  }
}
