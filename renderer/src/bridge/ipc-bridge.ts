/**
 * The bridge over Electron IPC: wraps the preload's `window.routilux` API. IPC cannot drop while the
 * window lives, so the status is always `connected`.
 */
import type {
  BridgeStatus,
  MethodName,
  PreloadApi,
  RequestOf,
  ResponseOf,
  StudioBridge,
} from '../../../electron/ipc/contract'

/** Creates the IPC bridge from the API the preload exposed. */
export function createIpcBridge(api: PreloadApi): StudioBridge {
  return {
    transport: 'ipc',
    async call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
      const result = await api.call(method, request)
      if (result.ok) return result.response as ResponseOf<M>
      throw result.error
    },
    subscribe(stream, listener) {
      return api.subscribe(stream, listener as (payload: unknown) => void)
    },
    onStatus(listener: (status: BridgeStatus) => void) {
      listener('connected')
      return () => {}
    },
  }
}
