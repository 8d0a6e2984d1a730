/**
 * Electron's IPC stood in for by a real `MessageChannel` (node:worker_threads): everything crossing it
 * is structured-cloned exactly as Electron IPC does, so a response that Electron could not send fails
 * here too. The main side offers the `ipcMain` subset `bindMainIpc` uses; the renderer side the
 * `ipcRenderer` subset `createPreloadApi` uses.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads'
import type { IpcMainEventLike, IpcMainLike, IpcSenderLike } from '../main-ipc'
import type { IpcRendererLike } from '../preload-api'

type Wire =
  | { kind: 'invoke'; id: number; channel: string; args: unknown[] }
  | { kind: 'send'; channel: string; args: unknown[] }
  | { kind: 'reply'; id: number; ok: boolean; value: unknown }
  | { kind: 'push'; channel: string; args: unknown[] }

type MainListener = (event: IpcMainEventLike, ...args: unknown[]) => unknown

export interface ChannelIpc {
  readonly ipcMain: IpcMainLike
  readonly ipcRenderer: IpcRendererLike
  /** Closes the channel and fires the sender's `destroyed` listeners (the window closed). */
  close(): void
}

/** A connected main/renderer pair; `frameUrl` is the URL the fake window claims to show. */
export function createChannelIpc(options: { senderId?: number; frameUrl: string }): ChannelIpc {
  const { port1: mainPort, port2: rendererPort } = new MessageChannel()
  const handlers = new Map<string, MainListener>()
  const mainListeners = new Map<string, Set<MainListener>>()
  const destroyed = new Set<() => void>()
  let isDestroyed = false
  const post = (port: MessagePort, message: Wire) => port.postMessage(message)

  const sender: IpcSenderLike = {
    id: options.senderId ?? 1,
    send: (channel, ...args) => post(mainPort, { kind: 'push', channel, args }),
    isDestroyed: () => isDestroyed,
    once: (_event, listener) => destroyed.add(listener),
  }
  const event: IpcMainEventLike = { sender, senderFrame: { url: options.frameUrl } }

  mainPort.on('message', (message: Wire) => {
    if (message.kind === 'invoke') {
      const handler = handlers.get(message.channel)
      if (!handler) {
        post(mainPort, {
          kind: 'reply',
          id: message.id,
          ok: false,
          value: `No handler for ${message.channel}`,
        })
        return
      }
      Promise.resolve(handler(event, ...message.args)).then(
        (value) => post(mainPort, { kind: 'reply', id: message.id, ok: true, value }),
        (error: unknown) =>
          post(mainPort, { kind: 'reply', id: message.id, ok: false, value: String(error) }),
      )
    } else if (message.kind === 'send') {
      for (const listener of mainListeners.get(message.channel) ?? []) listener(event, ...message.args)
    }
  })

  const pendingReplies = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  const rendererListeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>()
  let nextId = 1
  rendererPort.on('message', (message: Wire) => {
    if (message.kind === 'reply') {
      const pending = pendingReplies.get(message.id)
      pendingReplies.delete(message.id)
      if (message.ok) pending?.resolve(message.value)
      else pending?.reject(new Error(String(message.value)))
    } else if (message.kind === 'push') {
      for (const listener of rendererListeners.get(message.channel) ?? []) listener({}, ...message.args)
    }
  })

  return {
    ipcMain: {
      handle: (channel, listener) => handlers.set(channel, listener),
      removeHandler: (channel) => handlers.delete(channel),
      on: (channel, listener) => {
        const set = mainListeners.get(channel) ?? new Set()
        set.add(listener)
        mainListeners.set(channel, set)
      },
      removeListener: (channel, listener) => mainListeners.get(channel)?.delete(listener),
    },
    ipcRenderer: {
      invoke: (channel, ...args) =>
        new Promise((resolve, reject) => {
          const id = nextId++
          pendingReplies.set(id, { resolve, reject })
          post(rendererPort, { kind: 'invoke', id, channel, args })
        }),
      send: (channel, ...args) => post(rendererPort, { kind: 'send', channel, args }),
      on: (channel, listener) => {
        const set = rendererListeners.get(channel) ?? new Set()
        set.add(listener)
        rendererListeners.set(channel, set)
      },
    },
    close: () => {
      isDestroyed = true
      for (const listener of destroyed) listener()
      mainPort.close()
      rendererPort.close()
    },
  }
}
