/**
 * Web mode's security rules, tested against a real server: token, origin and host checks, malformed
 * and oversized frames, path traversal (static files and workspace), and the security headers.
 */

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { createTempHost, type TempHost } from '../host/testing/temp-host'
import type { ServerMessage } from '../ipc/contract'
import { type RunningWebServer, startWebServer } from './web-server'

const TOKEN = 'a'.repeat(43)
let temp: TempHost
let server: RunningWebServer
let staticDir: string

beforeAll(async () => {
  temp = await createTempHost()
  staticDir = join(temp.root, 'renderer')
  await mkdir(staticDir)
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>studio</title>')
  await writeFile(join(temp.root, 'secret.txt'), 'do not serve')
  server = await startWebServer({
    endpoint: temp.host.endpoint,
    staticDir,
    token: TOKEN,
    maxMessageBytes: 64 * 1024,
  })
})
afterAll(async () => {
  await server.close()
  await temp.close()
})

const origin = () => `http://127.0.0.1:${server.port}`

/** Opens a socket; resolves with it once open, or rejects with the HTTP status of a refused upgrade. */
function connect(options: { token?: string; origin?: string; host?: string } = {}): Promise<WebSocket> {
  const token = options.token ?? TOKEN
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api?token=${encodeURIComponent(token)}`, {
      origin: options.origin ?? origin(),
      ...(options.host && { headers: { host: options.host } }),
    })
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    ws.once('error', reject)
  })
}

function nextMessage(ws: WebSocket): Promise<ServerMessage> {
  return new Promise((resolve) =>
    ws.once('message', (data) => resolve(JSON.parse(data.toString()) as ServerMessage)),
  )
}

function get(
  path: string,
  host?: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, headers: { host: host ?? `127.0.0.1:${server.port}` } },
      (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString()
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.once('error', reject)
    req.end()
  })
}

describe('web mode security', () => {
  it('accepts the right token from its own origin', async () => {
    const ws = await connect()
    ws.send(JSON.stringify({ type: 'call', id: 1, method: 'app.info', request: {} }))
    expect(await nextMessage(ws)).toMatchObject({
      type: 'result',
      id: 1,
      ok: true,
      response: { transport: 'websocket' },
    })
    ws.close()
  })

  it('rejects a wrong, missing or truncated token', async () => {
    await expect(connect({ token: 'b'.repeat(43) })).rejects.toThrow('HTTP 401')
    await expect(connect({ token: '' })).rejects.toThrow('HTTP 401')
    await expect(connect({ token: TOKEN.slice(1) })).rejects.toThrow('HTTP 401')
  })

  it('rejects a foreign origin even with the right token', async () => {
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow('HTTP 403')
    await expect(connect({ origin: `http://127.0.0.1:${server.port + 1}` })).rejects.toThrow('HTTP 403')
  })

  it('rejects requests naming another host (DNS rebinding)', async () => {
    await expect(connect({ host: `evil.example:${server.port}` })).rejects.toThrow('HTTP 421')
    expect((await get('/', `evil.example:${server.port}`)).status).toBe(421)
  })

  it('answers malformed frames with an error and keeps the connection', async () => {
    const ws = await connect()
    ws.send('not json')
    expect(await nextMessage(ws)).toMatchObject({ type: 'error', error: { code: 'BAD_REQUEST' } })
    ws.send(JSON.stringify({ type: 'call', id: 'x', method: 'app.info' }))
    expect(await nextMessage(ws)).toMatchObject({ type: 'error', error: { code: 'BAD_REQUEST' } })
    ws.send(Buffer.from([1, 2, 3]), { binary: true })
    expect(await nextMessage(ws)).toMatchObject({ type: 'error', error: { code: 'BAD_REQUEST' } })
    ws.send(JSON.stringify({ type: 'subscribe', stream: 'no.such.stream' }))
    expect(await nextMessage(ws)).toMatchObject({ type: 'error', error: { code: 'BAD_REQUEST' } })
    ws.send(
      JSON.stringify({ type: 'call', id: 2, method: 'document.open', request: { path: 'x', extra: 1 } }),
    )
    expect(await nextMessage(ws)).toMatchObject({
      type: 'result',
      id: 2,
      ok: false,
      error: { code: 'BAD_REQUEST' },
    })
    ws.send(JSON.stringify({ type: 'call', id: 3, method: 'app.info', request: {} }))
    expect(await nextMessage(ws)).toMatchObject({ type: 'result', id: 3, ok: true })
    ws.close()
  })

  it('closes the connection on an oversized frame (1009)', async () => {
    const ws = await connect()
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
    ws.send(
      JSON.stringify({
        type: 'call',
        id: 1,
        method: 'document.importPython',
        request: { source: 'x'.repeat(100_000) },
      }),
    )
    expect(await closed).toBe(1009)
  })

  it('keeps workspace paths inside the workspace', async () => {
    const ws = await connect()
    for (const [id, path] of [
      [1, '../secret.txt'],
      [2, '/etc/passwd'],
      [3, 'a/../../secret.txt'],
      [4, '..%2Fsecret.txt/../../secret.txt'],
    ] as const) {
      ws.send(JSON.stringify({ type: 'call', id, method: 'document.open', request: { path } }))
      const reply = await nextMessage(ws)
      expect(reply).toMatchObject({ type: 'result', id, ok: false })
      expect(reply.type === 'result' && !reply.ok && reply.error.code).toMatch(/OUTSIDE_WORKSPACE|NOT_FOUND/)
      expect(JSON.stringify(reply)).not.toContain('do not serve')
    }
    ws.send(JSON.stringify({ type: 'call', id: 9, method: 'workspace.list', request: { dir: '..' } }))
    expect(await nextMessage(ws)).toMatchObject({ ok: false, error: { code: 'OUTSIDE_WORKSPACE' } })
    ws.close()
  })

  it('serves only files of the renderer folder, with security headers', async () => {
    const page = await get('/?token=x')
    expect(page.status).toBe(200)
    expect(page.body).toContain('studio')
    const csp = String(page.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).toContain(`ws://127.0.0.1:${server.port}`)
    // An IPv6 literal is no valid CSP source: browsers report it as an error on every page load.
    expect(csp).not.toContain('[::1]')
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    expect(page.headers['x-frame-options']).toBe('DENY')
    expect((await get('/favicon.ico')).status).toBe(204)
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt']) {
      const res = await get(path)
      expect(res.status, path).toBe(404)
      expect(res.body).not.toContain('do not serve')
    }
  })

  it('never shows a page from a server bound elsewhere than loopback by default', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=`))
  })
})

describe('web mode temp dirs', () => {
  it('refuses writes through the API outside the workspace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ws-'))
    try {
      const ws = await connect()
      ws.send(
        JSON.stringify({
          type: 'call',
          id: 1,
          method: 'workspace.createFolder',
          request: { path: `../${dir.split('/').pop()}/x` },
        }),
      )
      expect(await nextMessage(ws)).toMatchObject({ ok: false, error: { code: 'OUTSIDE_WORKSPACE' } })
      ws.close()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
