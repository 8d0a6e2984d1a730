import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BridgeStatus, ClientMessage, ServerMessage } from '../../../electron/ipc/contract'
import { createWebSocketBridge, type ProbeResult, type WebSocketLike } from './ws-bridge'

/** A scripted socket: the test opens, closes and answers it by hand. */
class FakeSocket implements WebSocketLike {
  readyState = 0
  readonly sent: ClientMessage[] = []
  onopen: ((event: unknown) => void) | null = null
  onclose: ((event: unknown) => void) | null = null
  onerror: ((event: unknown) => void) | null = null
  onmessage: ((event: { data: unknown }) => void) | null = null
  send(data: string) {
    this.sent.push(JSON.parse(data) as ClientMessage)
  }
  close() {
    this.drop()
  }
  open() {
    this.readyState = 1
    this.onopen?.({})
  }
  drop() {
    this.readyState = 3
    this.onclose?.({})
  }
  reply(message: ServerMessage) {
    this.onmessage?.({ data: JSON.stringify(message) })
  }
  calls() {
    return this.sent.filter((m): m is Extract<ClientMessage, { type: 'call' }> => m.type === 'call')
  }
}

let sockets: FakeSocket[]
beforeEach(() => {
  vi.useFakeTimers()
  sockets = []
})
afterEach(() => {
  vi.useRealTimers()
})

function setup(probe?: () => Promise<ProbeResult>) {
  const bridge = createWebSocketBridge({
    ...(probe && { probe }),
    url: 'ws://host/api?token=t',
    createSocket: () => {
      const socket = new FakeSocket()
      sockets.push(socket)
      return socket
    },
    initialBackoffMs: 100,
    maxBackoffMs: 1000,
    offlineTimeoutMs: 5000,
  })
  const statuses: BridgeStatus[] = []
  bridge.onStatus((s) => statuses.push(s))
  const current = () => sockets.at(-1) as FakeSocket
  return { bridge, statuses, current }
}

describe('WebSocket bridge', () => {
  it('queues calls until connected, then resolves them with the result', async () => {
    const { bridge, current, statuses } = setup()
    const info = bridge.call('job.list', {})
    expect(current().sent).toEqual([])
    current().open()
    const [call] = current().calls()
    expect(call).toMatchObject({ method: 'job.list', request: {} })
    current().reply({ type: 'result', id: call?.id ?? -1, ok: true, response: { jobs: [] } })
    await expect(info).resolves.toEqual({ jobs: [] })
    expect(statuses).toEqual(['connecting', 'connected'])
  })

  it('rejects with the coded error the host sent', async () => {
    const { bridge, current } = setup()
    current().open()
    const pending = bridge.call('document.open', { path: 'x' })
    const id = current().calls()[0]?.id ?? -1
    current().reply({ type: 'result', id, ok: false, error: { code: 'NOT_FOUND', message: 'gone' } })
    await expect(pending).rejects.toEqual({ code: 'NOT_FOUND', message: 'gone' })
  })

  it('reconnects with backoff, resubscribes streams and retries safe calls', async () => {
    const { bridge, current, statuses } = setup()
    current().open()
    const received: unknown[] = []
    bridge.subscribe('jobs.changed', (p) => received.push(p))
    expect(current().sent).toContainEqual({ type: 'subscribe', stream: 'jobs.changed' })
    const read = bridge.call('job.list', {})
    const write = bridge.call('job.start', { document: {} as never, entry: 'a', params: {} })
    const first = current()
    first.drop()
    await expect(write).rejects.toMatchObject({ code: 'DISCONNECTED' })
    expect(statuses.at(-1)).toBe('disconnected')
    expect(sockets).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(100)
    expect(sockets).toHaveLength(2)
    current().open()
    expect(current().sent).toContainEqual({ type: 'subscribe', stream: 'jobs.changed' })
    const resent = current().calls()
    expect(resent.map((c) => c.method)).toEqual(['job.list'])
    current().reply({ type: 'result', id: resent[0]?.id ?? -1, ok: true, response: { jobs: [] } })
    await expect(read).resolves.toEqual({ jobs: [] })
    current().reply({ type: 'push', stream: 'jobs.changed', payload: { jobs: [] } })
    expect(received).toEqual([{ jobs: [] }])
    first.reply({ type: 'push', stream: 'jobs.changed', payload: { stale: true } })
    expect(received).toHaveLength(1)
  })

  it('backs off exponentially up to the maximum while the host stays away', async () => {
    const { current } = setup()
    current().drop()
    const delays: number[] = []
    let last = Date.now()
    for (let i = 0; i < 6; i++) {
      const before = sockets.length
      while (sockets.length === before) await vi.advanceTimersByTimeAsync(10)
      delays.push(Date.now() - last)
      last = Date.now()
      current().drop()
    }
    expect(delays.every((d) => d <= 1000 + 10)).toBe(true)
    expect(delays[5]).toBeGreaterThanOrEqual(500)
    expect(delays[0]).toBeLessThanOrEqual(110)
  })

  it('rejects queued calls after the offline timeout', async () => {
    const { bridge } = setup()
    const call = bridge.call('job.list', {})
    const assertion = expect(call).rejects.toMatchObject({ code: 'DISCONNECTED' })
    await vi.advanceTimersByTimeAsync(5000)
    await assertion
  })

  it('unsubscribes remotely when the last listener leaves and ignores broken frames', () => {
    const { bridge, current } = setup()
    current().open()
    const offA = bridge.subscribe('execution.batch', () => undefined)
    const offB = bridge.subscribe('execution.batch', () => undefined)
    offA()
    expect(current().sent.filter((m) => m.type === 'unsubscribe')).toEqual([])
    offB()
    offB()
    expect(current().sent.filter((m) => m.type === 'unsubscribe')).toEqual([
      { type: 'unsubscribe', stream: 'execution.batch' },
    ])
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    current().onmessage?.({ data: '{not json' })
    expect(warn).toHaveBeenCalled()
    warn.mockRestore()
  })

  it('closes for good', async () => {
    const { bridge, current, statuses } = setup()
    current().open()
    const call = bridge.call('job.list', {})
    bridge.close()
    await expect(call).rejects.toMatchObject({ code: 'DISCONNECTED' })
    await vi.advanceTimersByTimeAsync(10_000)
    expect(sockets).toHaveLength(1)
    expect(statuses.at(-1)).toBe('disconnected')
  })

  it('stops reconnecting and rejects every call once the host refuses the token', async () => {
    const probe = vi.fn(async (): Promise<ProbeResult> => (sockets.length >= 3 ? 'refused' : 'unknown'))
    const { bridge, current, statuses } = setup(probe)
    current().open()
    current().drop()
    expect(probe).not.toHaveBeenCalled()
    const queued = bridge.call('job.list', {})
    const queuedResult = expect(queued).rejects.toMatchObject({ code: 'DISCONNECTED' })
    while (sockets.length < 3) {
      await vi.advanceTimersByTimeAsync(10)
      if (current().readyState === 0) current().drop()
    }
    await vi.advanceTimersByTimeAsync(0)
    expect(probe).toHaveBeenCalledTimes(2)
    expect(statuses.at(-1)).toBe('refused')
    await queuedResult
    await expect(bridge.call('app.info', {})).rejects.toMatchObject({
      code: 'DISCONNECTED',
      message: expect.stringContaining('restarted or stopped'),
    })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(sockets).toHaveLength(3)
  })

  it('keeps retrying while the probe learns nothing (host down) or fails itself', async () => {
    let calls = 0
    const probe = async (): Promise<ProbeResult> => {
      calls += 1
      if (calls % 2 === 0) throw new Error('network')
      return 'unknown'
    }
    const { current, statuses } = setup(probe)
    for (let i = 0; i < 4; i++) {
      const before = sockets.length
      current().drop()
      while (sockets.length === before) await vi.advanceTimersByTimeAsync(10)
    }
    expect(calls).toBe(4)
    expect(statuses).not.toContain('refused')
    current().open()
    expect(statuses.at(-1)).toBe('connected')
  })
})
