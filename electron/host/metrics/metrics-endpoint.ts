/**
 * The optional Prometheus endpoint: a tiny HTTP server on 127.0.0.1 answering `GET /metrics` with the
 * host's exposition text. Loopback only; off until the user turns it on. Without an explicit port it
 * listens on `DEFAULT_METRICS_PORT` (a free port when that one is taken) and keeps the port it got
 * when turned off and on again, so a scrape configuration can name the address.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { MetricsEndpointState } from '../../ipc/contract'

/** The port tried first when none is asked for (the one the metrics guide's scrape example names). */
export const DEFAULT_METRICS_PORT = 9464

export class MetricsEndpoint {
  readonly #text: () => Promise<string>
  readonly #defaultPort: number
  #server: Server | undefined
  #url: string | null = null
  /** The port of the last listening server, tried first the next time. */
  #lastPort: number | undefined

  constructor(text: () => Promise<string>, defaultPort = DEFAULT_METRICS_PORT) {
    this.#text = text
    this.#defaultPort = defaultPort
  }

  state(): MetricsEndpointState {
    return { enabled: this.#server !== undefined, url: this.#url }
  }

  async set(enabled: boolean, port?: number): Promise<MetricsEndpointState> {
    if (!enabled) {
      await this.close()
      return this.state()
    }
    if (this.#server) return this.state()
    let server: Server
    try {
      server = await this.#listen(port ?? this.#lastPort ?? this.#defaultPort)
    } catch (error) {
      // An asked-for port must be that port; the preferred one may be taken by another program.
      if (port !== undefined || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
      server = await this.#listen(0)
    }
    this.#server = server
    this.#lastPort = (server.address() as AddressInfo).port
    this.#url = `http://127.0.0.1:${this.#lastPort}/metrics`
    return this.state()
  }

  async close(): Promise<void> {
    const server = this.#server
    this.#server = undefined
    this.#url = null
    if (!server) return
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  async #listen(port: number): Promise<Server> {
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n')
        return
      }
      this.#text().then(
        (text) =>
          response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(text),
        (error: unknown) =>
          response.writeHead(500, { 'content-type': 'text/plain' }).end(`${String(error)}\n`),
      )
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => resolve())
    })
    return server
  }
}
