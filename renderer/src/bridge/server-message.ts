/**
 * Parses a WebSocket frame from the host into a `ServerMessage`, ignoring anything malformed (a
 * broken frame must never break the page).
 */
import type { ServerMessage } from '../../../electron/ipc/contract'

/** The message, or undefined when the frame is not a well-formed server message. */
export function parseServerMessage(data: unknown): ServerMessage | undefined {
  if (typeof data !== 'string') return undefined
  let value: unknown
  try {
    value = JSON.parse(data)
  } catch {
    console.warn('Ignoring a frame from the host that is not JSON')
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const message = value as Record<string, unknown>
  if (message.type === 'push' && typeof message.stream === 'string') return value as ServerMessage
  if (message.type === 'result' && typeof message.id === 'number' && typeof message.ok === 'boolean') {
    return value as ServerMessage
  }
  if (message.type === 'error' && typeof message.error === 'object' && message.error !== null) {
    return value as ServerMessage
  }
  return undefined
}
