/**
 * One WebSocket client of the host: parses frames into client messages, runs calls through the
 * endpoint, pushes subscribed streams, and keeps the socket honest (JSON text only, bounded
 * concurrency, heartbeat to drop dead peers). Stream pushes skip an execution batch when the client
 * is too far behind; the streamer then sends full state so nothing is lost for good.
 */
import { type RawData, WebSocket } from 'ws'
import { z } from 'zod'
import type { ServerMessage, StudioError } from '../ipc/contract'
import { HostErrorCode } from '../ipc/contract'
import type { HostEndpoint } from '../ipc/host-endpoint'

/** Calls a client may have running at once. */
const MAX_PENDING_CALLS = 256
/** Unsent bytes beyond which execution batches are skipped for this client. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024
const HEARTBEAT_MS = 30_000

const clientMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('call'),
    id: z.number().int().nonnegative(),
    method: z.string().max(100),
    request: z.unknown(),
  }),
  z.object({ type: z.literal('subscribe'), stream: z.string().max(100) }),
  z.object({ type: z.literal('unsubscribe'), stream: z.string().max(100) }),
])

/** Serves one accepted socket until it closes. */
export function handleSocket(ws: WebSocket, endpoint: HostEndpoint): void {
  const send = (message: ServerMessage): void => {
    if (ws.readyState !== WebSocket.OPEN) return
    let text: string
    try {
      text = JSON.stringify(message)
    } catch (error) {
      const fallback: ServerMessage =
        message.type === 'result'
          ? { type: 'result', id: message.id, ok: false, error: internal(error) }
          : { type: 'error', error: internal(error) }
      text = JSON.stringify(fallback)
    }
    ws.send(text)
  }
  const reject = (error: StudioError) => send({ type: 'error', error })

  const connection = endpoint.connect('websocket', (stream, payload) => {
    if (ws.readyState !== WebSocket.OPEN) return false
    if (stream === 'execution.batch' && ws.bufferedAmount > MAX_BUFFERED_BYTES) return false
    send({ type: 'push', stream, payload })
    return true
  })
  let pending = 0
  let alive = true
  const heartbeat = setInterval(() => {
    if (!alive) {
      ws.terminate()
      return
    }
    alive = false
    ws.ping()
  }, HEARTBEAT_MS)
  heartbeat.unref?.()

  ws.on('pong', () => {
    alive = true
  })
  ws.on('message', (data: RawData, isBinary: boolean) => {
    alive = true
    if (isBinary)
      return reject({ code: HostErrorCode.BAD_REQUEST, message: 'Binary frames are not accepted' })
    let value: unknown
    try {
      value = JSON.parse(data.toString())
    } catch {
      // The frame's text is the client's problem; tell it and keep the connection.
      return reject({ code: HostErrorCode.BAD_REQUEST, message: 'Frame is not valid JSON' })
    }
    const parsed = clientMessage.safeParse(value)
    if (!parsed.success) return reject({ code: HostErrorCode.BAD_REQUEST, message: 'Not a client message' })
    const message = parsed.data
    if (message.type === 'subscribe') {
      const error = connection.subscribe(message.stream)
      if (error) reject(error)
      return
    }
    if (message.type === 'unsubscribe') return connection.unsubscribe(message.stream)
    if (pending >= MAX_PENDING_CALLS) {
      return send({
        type: 'result',
        id: message.id,
        ok: false,
        error: { code: HostErrorCode.TOO_LARGE, message: `More than ${MAX_PENDING_CALLS} calls in flight` },
      })
    }
    pending++
    void connection.call(message.method, message.request).then((result) => {
      pending--
      send({ type: 'result', id: message.id, ...result })
    })
  })
  ws.on('close', () => {
    clearInterval(heartbeat)
    connection.close()
  })
  ws.on('error', () => {
    // 'close' follows every error; cleanup happens there.
  })
}

function internal(error: unknown): StudioError {
  return { code: HostErrorCode.INTERNAL, message: `Response could not be serialised: ${String(error)}` }
}
