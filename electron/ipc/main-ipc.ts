/**
 * Main-process side of the Electron transport: the only file that touches `ipcMain`. It binds the
 * contract's channels to a `HostEndpoint`, one endpoint connection per window, and refuses messages
 * from any sender that is not a trusted window showing the studio's own page.
 *
 * `bindMainIpc` works on the structural subset of `ipcMain` it needs, so the contract tests drive this
 * exact code over a real message channel; `installMainIpc` binds Electron's own `ipcMain`.
 */
import type { CallResult } from './contract'
import { HostErrorCode, IPC_CHANNELS } from './contract'
import type { EndpointConnection, HostEndpoint } from './host-endpoint'

/** The part of `WebContents` the binding uses. */
export interface IpcSenderLike {
  readonly id: number
  send(channel: string, ...args: unknown[]): void
  isDestroyed(): boolean
  once(event: 'destroyed', listener: () => void): unknown
}

/** The part of `IpcMainEvent` / `IpcMainInvokeEvent` the binding uses. */
export interface IpcMainEventLike {
  readonly sender: IpcSenderLike
  readonly senderFrame: { readonly url: string } | null
}

/** The part of `ipcMain` the binding uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainEventLike, ...args: unknown[]) => unknown): void
  removeHandler(channel: string): void
  on(channel: string, listener: (event: IpcMainEventLike, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: IpcMainEventLike, ...args: unknown[]) => void): unknown
}

export interface MainIpcOptions {
  /** True when the message comes from a window and page the studio trusts. */
  readonly isTrustedSender: (sender: IpcSenderLike, frameUrl: string | null) => boolean
  /** Told about refused messages, for the log. */
  readonly onRejected?: (reason: string) => void
}

/** Binds the contract's IPC channels; returns the function that unbinds them. */
export function bindMainIpc(ipc: IpcMainLike, endpoint: HostEndpoint, options: MainIpcOptions): () => void {
  const connections = new Map<number, EndpointConnection>()

  const connectionFor = (event: IpcMainEventLike): EndpointConnection | undefined => {
    const { sender } = event
    if (!options.isTrustedSender(sender, event.senderFrame?.url ?? null)) {
      options.onRejected?.(
        `message from untrusted sender ${sender.id} (${event.senderFrame?.url ?? 'no frame'})`,
      )
      return undefined
    }
    let connection = connections.get(sender.id)
    if (!connection) {
      const created = endpoint.connect(
        'ipc',
        (stream, payload) => {
          if (sender.isDestroyed()) return false
          sender.send(IPC_CHANNELS.push, stream, payload)
          return true
        },
        { measureRequests: true },
      )
      connections.set(sender.id, created)
      sender.once('destroyed', () => {
        created.close()
        connections.delete(sender.id)
      })
      connection = created
    }
    return connection
  }

  const onCall = (event: IpcMainEventLike, method: unknown, request: unknown): Promise<CallResult> => {
    const connection = connectionFor(event)
    if (!connection) {
      return Promise.resolve({
        ok: false,
        error: { code: HostErrorCode.FORBIDDEN, message: 'Sender is not allowed to call the host' },
      })
    }
    return connection.call(method, request)
  }
  const onSubscribe = (event: IpcMainEventLike, stream: unknown): void => {
    const error = connectionFor(event)?.subscribe(stream)
    if (error) options.onRejected?.(error.message)
  }
  const onUnsubscribe = (event: IpcMainEventLike, stream: unknown): void => {
    connectionFor(event)?.unsubscribe(stream)
  }

  ipc.handle(IPC_CHANNELS.call, (event, method, request) => onCall(event, method, request))
  ipc.on(IPC_CHANNELS.subscribe, onSubscribe)
  ipc.on(IPC_CHANNELS.unsubscribe, onUnsubscribe)
  return () => {
    ipc.removeHandler(IPC_CHANNELS.call)
    ipc.removeListener(IPC_CHANNELS.subscribe, onSubscribe)
    ipc.removeListener(IPC_CHANNELS.unsubscribe, onUnsubscribe)
    for (const connection of connections.values()) connection.close()
    connections.clear()
  }
}

/** Binds Electron's `ipcMain` (loaded lazily so this module stays importable from plain Node). */
export async function installMainIpc(endpoint: HostEndpoint, options: MainIpcOptions): Promise<() => void> {
  const { ipcMain } = await import('electron')
  return bindMainIpc(ipcMain as unknown as IpcMainLike, endpoint, options)
}
