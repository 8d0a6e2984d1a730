/**
 * The optional Prometheus endpoint: a tiny HTTP server on 127.0.0.1 answering `GET /metrics` with the
 * host's exposition text. Loopback only; off until the user turns it on.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { MetricsEndpointState } from '../../ipc/contract'

export class MetricsEndpoint {
  readonly #text: () => Promise<string>
  #server: Server | undefined
  #url: string | null = null

  constructor(text: () => Promise<string>) {
    this.#text = text
  }

  state(): MetricsEndpointState {
    return { enabled: this.#server !== undefined, url: this.#url }
  }

  async set(enabled: boolean, port = 0): Promise<MetricsEndpointState> {
    if (!enabled) {
      await this.close()
      return this.state()
    }
    if (this.#server) return this.state()
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
    this.#server = server
    this.#url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`
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
}
