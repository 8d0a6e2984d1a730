/**
 * The Prometheus endpoint keeps a stable address: the preferred port when it is free, a free one
 * otherwise, and the same port again when turned off and on.
 */
import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { MetricsEndpoint } from './metrics-endpoint'

const endpoints: MetricsEndpoint[] = []
afterEach(async () => {
  await Promise.all(endpoints.splice(0).map((e) => e.close()))
})

function endpoint(defaultPort: number): MetricsEndpoint {
  const e = new MetricsEndpoint(async () => 'routilux_test 1\n', defaultPort)
  endpoints.push(e)
  return e
}

/** A port something else listens on, and the way to release it. */
async function takenPort(): Promise<{ port: number; release: () => Promise<void> }> {
  const blocker = createServer()
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()))
  const address = blocker.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return { port: address.port, release: () => new Promise((resolve) => blocker.close(() => resolve())) }
}

describe('MetricsEndpoint', () => {
  it('falls back to a free port when the preferred one is taken, then keeps it', async () => {
    const { port, release } = await takenPort()
    const e = endpoint(port)
    const first = await e.set(true)
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/)
    expect(first.url).not.toContain(`:${port}/`)
    await release()
    await e.set(false)
    const again = await e.set(true)
    expect(again.url).toBe(first.url)
    expect(await (await fetch(again.url ?? '')).text()).toBe('routilux_test 1\n')
  })

  it('listens on the preferred port when it is free', async () => {
    const { port, release } = await takenPort()
    await release()
    expect((await endpoint(port).set(true)).url).toBe(`http://127.0.0.1:${port}/metrics`)
  })

  it('refuses an asked-for port that is taken', async () => {
    const { port, release } = await takenPort()
    await expect(endpoint(0).set(true, port)).rejects.toThrow(/EADDRINUSE/)
    await release()
  })
})
