/**
 * The renderer's WebSocket bridge against real servers: when the server goes away and comes back on
 * the same address, the bridge reconnects by itself, resubscribes its streams and resends safe calls
 * made while it was away.
 */
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { createWebSocketBridge, type WebSocketLike } from '../../renderer/src/bridge/ws-bridge'
import { restartableServer } from '../web/testing/restartable-server'
import type { BridgeStatus } from './contract'

const TOKEN = 'reconnect-token-0123456789'
function until(statuses: BridgeStatus[], wanted: BridgeStatus, from: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (statuses.slice(from).includes(wanted)) {
        clearInterval(timer)
        resolve()
      }
    }, 5)
  })
}

describe('WebSocket bridge against a real server', () => {
  it('reconnects, resubscribes and resends safe calls after the server comes back', async () => {
    const servers = await restartableServer()
    const { port } = await servers.start(TOKEN)
    const bridge = createWebSocketBridge({
      url: `ws://127.0.0.1:${port}/api?token=${TOKEN}`,
      createSocket: (url) =>
        new WebSocket(url, { origin: `http://127.0.0.1:${port}` }) as unknown as WebSocketLike,
      initialBackoffMs: 20,
      maxBackoffMs: 200,
    })
    const statuses: BridgeStatus[] = []
    bridge.onStatus((s) => statuses.push(s))
    const pushes: unknown[] = []
    bridge.subscribe('menu.command', (payload) => pushes.push(payload))
    await until(statuses, 'connected', 0)
    expect((await bridge.call('app.info', {})).transport).toBe('websocket')

    await servers.stop()
    const afterDrop = statuses.length
    await until(statuses, 'disconnected', afterDrop - 1)
    const duringOutage = bridge.call('job.list', {})
    await servers.start(TOKEN, port)
    await until(statuses, 'connected', afterDrop)
    await expect(duringOutage).resolves.toEqual({ jobs: [] })

    // The subscription was restored on the new connection: a push reaches the old listener.
    servers.temp.host.command({ command: 'file.new' })
    for (let i = 0; i < 200 && pushes.length === 0; i++) await new Promise((r) => setTimeout(r, 5))
    expect(pushes).toEqual([{ command: 'file.new' }])
    expect(statuses).toEqual(expect.arrayContaining(['connecting', 'connected', 'disconnected']))
    bridge.close()
  })
})
