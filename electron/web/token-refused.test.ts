/**
 * A page whose host was restarted (a new token) learns it for sure: a plain GET of the API path gets
 * the handshake's answer (401 for a token the host does not know), and the renderer's bridge, probing
 * that after a failed attempt, turns `refused` and stops reconnecting instead of retrying forever.
 */
import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { tokenProbe } from '../../renderer/src/bridge/token-probe'
import { createWebSocketBridge, type WebSocketLike } from '../../renderer/src/bridge/ws-bridge'
import type { BridgeStatus } from '../ipc/contract'
import { restartableServer } from './testing/restartable-server'

const FIRST = 'first-token-0123456789abcdef'
const SECOND = 'second-token-0123456789abcdef'
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.once('error', reject)
    req.end()
  })
}

async function until(done: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}

describe('a token the host no longer knows', () => {
  it('a GET of the API path answers like the handshake, without upgrading', async () => {
    const { port } = await (await restartableServer()).start(FIRST)
    expect(await get(port, `/api?token=${FIRST}`)).toBe(426)
    expect(await get(port, '/api?token=wrong')).toBe(401)
    expect(await get(port, '/api')).toBe(401)
    expect(await get(port, `/api?token=${FIRST}`, { origin: 'http://evil.example' })).toBe(403)
    expect(await get(port, `/api?token=${FIRST}`, { host: 'evil.example' })).toBe(421)
  })

  it('the bridge turns refused after a restart with a new token, and stops reconnecting', async () => {
    const servers = await restartableServer()
    const { port } = await servers.start(FIRST)
    const url = `ws://127.0.0.1:${port}/api?token=${FIRST}`
    let attempts = 0
    const bridge = createWebSocketBridge({
      url,
      createSocket: (u) => {
        attempts += 1
        return new WebSocket(u, { origin: `http://127.0.0.1:${port}` }) as unknown as WebSocketLike
      },
      initialBackoffMs: 20,
      maxBackoffMs: 100,
      probe: tokenProbe(url),
    })
    const statuses: BridgeStatus[] = []
    bridge.onStatus((s) => statuses.push(s))
    await until(() => statuses.includes('connected'), 'connected')

    await servers.stop()
    // While the host is away the probe learns nothing: the bridge keeps trying.
    const before = attempts
    await until(() => attempts >= before + 3, 'reconnect attempts')
    expect(statuses).not.toContain('refused')

    await servers.start(SECOND, port)
    await until(() => statuses.at(-1) === 'refused', 'refused')
    const settled = attempts
    await new Promise((r) => setTimeout(r, 400))
    expect(attempts).toBe(settled)
    await expect(bridge.call('app.info', {})).rejects.toMatchObject({ code: 'DISCONNECTED' })
    bridge.close()
  })
})
