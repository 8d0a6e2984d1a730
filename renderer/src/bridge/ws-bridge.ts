/**
 * The bridge over WebSocket (web mode). It reconnects with exponential backoff and jitter,
 * resubscribes every stream that has listeners, queues calls made while disconnected, and on a drop
 * either resends a call whose answer was lost (reads, idempotent writes) or rejects it with
 * `DISCONNECTED` (see `retry-policy.ts`). When the host answers but refuses the page's token (it was
 * restarted with a new one), the status becomes `refused` and reconnecting stops: no later attempt
 * could succeed.
 */
import type {
  BridgeStatus,
  ClientMessage,
  MethodName,
  RequestOf,
  ResponseOf,
  StudioBridge,
  StudioError,
} from '../../../electron/ipc/contract'
import { HostErrorCode } from '../../../electron/ipc/contract'
import { retryPolicyOf } from './retry-policy'
import { parseServerMessage } from './server-message'
import { StreamListeners } from './stream-listeners'

/** The subset of the browser `WebSocket` the bridge uses (the `ws` package's client fits too). */
export interface WebSocketLike {
  readonly readyState: number
  send(data: string): void
  close(code?: number, reason?: string): void
  onopen: ((event: unknown) => void) | null
  onclose: ((event: unknown) => void) | null
  onerror: ((event: unknown) => void) | null
  onmessage: ((event: { data: unknown }) => void) | null
}

export interface WebSocketBridgeOptions {
  /** Full URL of the API endpoint including `?token=`. */
  readonly url: string
  readonly createSocket?: (url: string) => WebSocketLike
  /** First reconnect delay; doubles per failed attempt up to `maxBackoffMs`. */
  readonly initialBackoffMs?: number
  readonly maxBackoffMs?: number
  /** How long a call may wait for a connection before it is rejected with `DISCONNECTED`. */
  readonly offlineTimeoutMs?: number
  /**
   * Asks the host why a connection attempt failed (a browser cannot read the status of a refused
   * WebSocket handshake). `refused` (the token is no longer valid) ends reconnecting; without a
   * probe every failure is retried.
   */
  readonly probe?: () => Promise<ProbeResult>
}

/** What a probe learned: the host refused the token, or nothing conclusive (down, unreachable). */
export type ProbeResult = 'refused' | 'unknown'

const REFUSED_MESSAGE = 'The studio host no longer accepts this page: it was restarted or stopped'

/** A WebSocket bridge that can be shut down (tests, page unload). */
export interface ClosableBridge extends StudioBridge {
  close(): void
}

interface PendingCall {
  readonly method: string
  readonly request: unknown
  readonly resolve: (response: unknown) => void
  readonly reject: (error: StudioError) => void
  sent: boolean
  timer: ReturnType<typeof setTimeout> | undefined
}

const OPEN = 1

/** Creates the WebSocket bridge and starts connecting. */
export function createWebSocketBridge(options: WebSocketBridgeOptions): ClosableBridge {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as WebSocketLike)
  const initialBackoff = options.initialBackoffMs ?? 250
  const maxBackoff = options.maxBackoffMs ?? 5000
  const offlineTimeout = options.offlineTimeoutMs ?? 30_000

  let socket: WebSocketLike | undefined
  let status: BridgeStatus = 'connecting'
  let attempts = 0
  let closed = false
  let refused = false
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined
  let nextId = 1
  const pending = new Map<number, PendingCall>()
  const statusListeners = new Set<(status: BridgeStatus) => void>()

  const send = (message: ClientMessage): boolean => {
    if (!socket || socket.readyState !== OPEN) return false
    socket.send(JSON.stringify(message))
    return true
  }
  const streams = new StreamListeners(
    (stream) => send({ type: 'subscribe', stream }),
    (stream) => send({ type: 'unsubscribe', stream }),
  )

  const setStatus = (next: BridgeStatus) => {
    if (status === next) return
    status = next
    for (const listener of [...statusListeners]) listener(next)
  }

  const fail = (id: number, error: StudioError) => {
    const call = pending.get(id)
    if (!call) return
    pending.delete(id)
    if (call.timer) clearTimeout(call.timer)
    call.reject(error)
  }

  const armOfflineTimer = (id: number, call: PendingCall) => {
    call.timer ??= setTimeout(() => {
      fail(id, { code: HostErrorCode.DISCONNECTED, message: 'The studio host is not reachable' })
    }, offlineTimeout)
  }

  const flush = () => {
    for (const [id, call] of pending) {
      if (call.sent) continue
      if (send({ type: 'call', id, method: call.method, request: call.request })) {
        call.sent = true
        if (call.timer) clearTimeout(call.timer)
        call.timer = undefined
      }
    }
  }

  const onDisconnect = () => {
    for (const [id, call] of [...pending]) {
      if (!call.sent) continue
      if (retryPolicyOf(call.method) === 'retry') {
        call.sent = false
        armOfflineTimer(id, call)
      } else {
        fail(id, {
          code: HostErrorCode.DISCONNECTED,
          message: `Connection lost during ${call.method}; it may or may not have taken effect`,
        })
      }
    }
  }

  const scheduleReconnect = () => {
    if (closed || reconnectTimer) return
    const base = Math.min(maxBackoff, initialBackoff * 2 ** Math.min(attempts, 16))
    const delay = base / 2 + Math.random() * (base / 2)
    attempts += 1
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined
      connect()
    }, delay)
  }

  const refuse = () => {
    refused = true
    setStatus('refused')
    for (const id of [...pending.keys()])
      fail(id, { code: HostErrorCode.DISCONNECTED, message: REFUSED_MESSAGE })
  }

  /** After an attempt that never opened: probe first, so a refused token stops the retries. */
  const afterFailedAttempt = () => {
    if (!options.probe) {
      scheduleReconnect()
      return
    }
    options.probe().then(
      (result) => {
        if (closed || socket !== undefined) return
        if (result === 'refused') refuse()
        else scheduleReconnect()
      },
      () => scheduleReconnect(),
    )
  }

  const connect = () => {
    if (closed || refused) return
    setStatus('connecting')
    const current = createSocket(options.url)
    socket = current
    let opened = false
    current.onopen = () => {
      if (socket !== current) return
      opened = true
      attempts = 0
      setStatus('connected')
      for (const stream of streams.streams()) send({ type: 'subscribe', stream })
      flush()
    }
    current.onmessage = (event) => {
      if (socket !== current) return
      const message = parseServerMessage(event.data)
      if (!message) return
      if (message.type === 'push') streams.dispatch(message.stream, message.payload)
      else if (message.type === 'result') {
        const call = pending.get(message.id)
        if (!call) return
        pending.delete(message.id)
        if (message.ok) call.resolve(message.response)
        else call.reject(message.error)
      } else console.warn('Studio host reported an error', message.error)
    }
    current.onclose = () => {
      if (socket !== current) return
      socket = undefined
      setStatus('disconnected')
      onDisconnect()
      if (opened) scheduleReconnect()
      else afterFailedAttempt()
    }
    current.onerror = () => {
      // A close event always follows; reconnecting is handled there.
    }
  }

  connect()

  return {
    transport: 'websocket',
    call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
      return new Promise<ResponseOf<M>>((resolve, reject) => {
        if (closed || refused) {
          const message = closed ? 'The bridge is closed' : REFUSED_MESSAGE
          reject({ code: HostErrorCode.DISCONNECTED, message } satisfies StudioError)
          return
        }
        const id = nextId++
        const call: PendingCall = {
          method,
          request,
          resolve: resolve as (response: unknown) => void,
          reject,
          sent: false,
          timer: undefined,
        }
        pending.set(id, call)
        if (send({ type: 'call', id, method, request })) call.sent = true
        else armOfflineTimer(id, call)
      })
    },
    subscribe(stream, listener) {
      return streams.add(stream, listener as (payload: unknown) => void)
    },
    onStatus(listener) {
      statusListeners.add(listener)
      listener(status)
      return () => statusListeners.delete(listener)
    },
    close() {
      closed = true
      if (reconnectTimer) clearTimeout(reconnectTimer)
      for (const id of [...pending.keys()])
        fail(id, { code: HostErrorCode.DISCONNECTED, message: 'The bridge is closed' })
      socket?.close(1000, 'closed')
      socket = undefined
      setStatus('disconnected')
    },
  }
}
