import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ScriptRequest } from '../../routines/script-runner'
import type { Payload } from '../../types'
import { WorkerScriptRunner } from './worker-script-runner'

let server: Server
let base: string
const runner = new WorkerScriptRunner({ poolSize: 1 })

beforeAll(async () => {
  server = createServer((request, response) => {
    response.setHeader('content-type', 'application/json')
    response.end(JSON.stringify({ path: request.url, method: request.method }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await runner.dispose()
  await new Promise((resolve) => server.close(resolve))
})

async function run(code: string, grants: ScriptRequest['grants']): Promise<Payload[]> {
  const emits: Payload[] = []
  await runner.run({
    code,
    data: { base },
    config: {},
    events: ['output'],
    meta: { routineId: 'r', slot: 'input', attempt: 1, jobId: 'j' },
    timeoutMs: 5000,
    memoryMb: 64,
    grants,
    onEmit: (_event, data) => emits.push(data),
    onLog: () => undefined,
  })
  return emits
}

describe('fetch grant', () => {
  it('lets a granted script fetch, across several awaits', async () => {
    const code = `
      const first = await fetch(data.base + '/a')
      const body = await first.json()
      const second = await fetch(data.base + '/b', { method: 'POST', body: 'x' })
      emit('output', { status: first.status, ok: first.ok, body, second: await second.json(), type: first.headers['content-type'] })
    `
    expect(await run(code, { fetch: true, fetchHosts: ['127.0.0.1'] })).toEqual([
      {
        status: 200,
        ok: true,
        body: { path: '/a', method: 'GET' },
        second: { path: '/b', method: 'POST' },
        type: 'application/json',
      },
    ])
  })

  it('refuses hosts outside the granted list and non-HTTP protocols', async () => {
    const code = `
      const outcomes = []
      for (const url of ['http://localhost:1/x', 'file:///etc/passwd']) {
        try { await fetch(url); outcomes.push('fetched') } catch (e) { outcomes.push(e.message) }
      }
      emit('output', { outcomes })
    `
    const [out] = await run(code, { fetch: true, fetchHosts: ['127.0.0.1'] })
    expect(out?.outcomes).toEqual([
      'fetch: host "localhost" is not granted',
      'fetch: unsupported protocol file:',
    ])
  })

  it('is refused by a host that does not allow the grant', async () => {
    const strict = new WorkerScriptRunner({ allowedGrants: [] })
    try {
      await expect(
        strict.run({
          code: "emit('output')",
          data: {},
          config: {},
          events: ['output'],
          meta: { routineId: 'r', slot: 'input', attempt: 1, jobId: 'j' },
          timeoutMs: 1000,
          memoryMb: 64,
          grants: { fetch: true },
          onEmit: () => undefined,
          onLog: () => undefined,
        }),
      ).rejects.toMatchObject({
        code: 'SCRIPT_ERROR',
        message: 'this host does not allow granting fetch to scripts',
      })
    } finally {
      await strict.dispose()
    }
  })
})
