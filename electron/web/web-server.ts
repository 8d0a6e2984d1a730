/**
 * Web mode's server: serves the built renderer and the host API over WebSocket on one loopback port.
 *
 * Security rules (see docs/security.md):
 * - binds 127.0.0.1 by default;
 * - the `Host` header must name the loopback address and port (defeats DNS rebinding);
 * - the API requires the per-start random token (`?token=`), compared in constant time;
 * - a browser's `Origin` must be this server's own origin;
 * - a plain GET of the API path gets the handshake's answer without upgrading (401 for a wrong token,
 *   426 otherwise), so a page whose token died with a restarted host can tell the user;
 * - frames are limited in size (`maxPayload`), must be JSON text, and every request is validated by
 *   the same schemas as IPC (in `HostEndpoint`).
 */
import { timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { type WebSocket, WebSocketServer } from 'ws'
import { WS_PATH } from '../ipc/contract'
import type { HostEndpoint } from '../ipc/host-endpoint'
import { contentSecurityPolicy, securityHeaders } from '../security/csp'
import { serveStatic } from './static-files'
import { handleSocket } from './ws-connection'

export interface WebServerOptions {
  readonly endpoint: HostEndpoint
  /** Folder of the built renderer. */
  readonly staticDir: string
  readonly token: string
  readonly port?: number
  readonly bind?: string
  readonly maxMessageBytes: number
}

export interface RunningWebServer {
  readonly port: number
  /** The page URL including the token. */
  readonly url: string
  close(): Promise<void>
}

/** Starts the server; resolves once it listens. */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const bind = options.bind ?? '127.0.0.1'
  const server = createServer()
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes })
  let port = 0
  const origins = () => allowedHosts(bind, port).map((host) => `http://${host}`)
  // CSP host sources cannot name IPv6 literals (browsers log the source as invalid); for a page served
  // from one, 'self' already allows its own ws:// origin.
  const wsSources = () =>
    origins()
      .filter((o) => !o.includes('['))
      .map((o) => o.replace('http', 'ws'))
  const headers = () => securityHeaders(contentSecurityPolicy({ connectSrc: wsSources() }))

  server.on('request', (request, response) => {
    if (!hostAllowed(request, bind, port)) {
      response.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request\n')
      return
    }
    if (new URL(request.url ?? '/', 'http://localhost').pathname === WS_PATH) {
      const refusal = refuseUpgrade(request, options.token, bind, port, origins())
      const status = refusal ?? '426 Upgrade Required'
      response.writeHead(Number(status.slice(0, 3)), {
        'content-type': 'text/plain',
        'cache-control': 'no-store',
      })
      response.end(`${status.slice(4)}\n`)
      return
    }
    serveStatic(options.staticDir, request, response, headers()).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' })
      response.end(`${String(error)}\n`)
    })
  })

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = refuseUpgrade(request, options.token, bind, port, origins())
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
      return
    }
    wss.handleUpgrade(request, socket, head, (ws: WebSocket) => handleSocket(ws, options.endpoint))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, bind, () => resolve())
  })
  port = (server.address() as AddressInfo).port
  const displayHost = bind.includes(':') ? `[${bind}]` : bind
  return {
    port,
    url: `http://${displayHost}:${port}/?token=${encodeURIComponent(options.token)}`,
    close: () => closeServer(server, wss),
  }
}

/** Why an upgrade is refused (an HTTP status line), or undefined to accept it. */
function refuseUpgrade(
  request: IncomingMessage,
  token: string,
  bind: string,
  port: number,
  origins: readonly string[],
): string | undefined {
  if (!hostAllowed(request, bind, port)) return '421 Misdirected Request'
  const url = new URL(request.url ?? '/', 'http://localhost')
  if (url.pathname !== WS_PATH) return '404 Not Found'
  if (!tokenMatches(url.searchParams.get('token') ?? '', token)) return '401 Unauthorized'
  const origin = request.headers.origin
  // Browsers always send Origin; a foreign one means another site is trying to reach the host.
  if (origin !== undefined && !origins.includes(origin)) return '403 Forbidden'
  return undefined
}

function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

function allowedHosts(bind: string, port: number): string[] {
  const loopback = bind === '127.0.0.1' || bind === '::1' || bind === 'localhost'
  const names = loopback ? ['127.0.0.1', 'localhost', '[::1]'] : [bind.includes(':') ? `[${bind}]` : bind]
  return names.map((name) => `${name}:${port}`)
}

function hostAllowed(request: IncomingMessage, bind: string, port: number): boolean {
  const host = request.headers.host
  if (bind === '0.0.0.0' || bind === '::') return host !== undefined
  return host !== undefined && allowedHosts(bind, port).includes(host.toLowerCase())
}

async function closeServer(server: Server, wss: WebSocketServer): Promise<void> {
  for (const client of wss.clients) client.terminate()
  await new Promise<void>((resolve) => wss.close(() => resolve()))
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
}
