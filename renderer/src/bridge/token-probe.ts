/**
 * Why a WebSocket handshake failed, asked over plain HTTP: the web-mode host answers a GET of the API
 * path with the same checks as the handshake, so 401 means the page's token is no longer valid (the
 * host was restarted and printed a new address). A browser cannot read the status of a refused
 * WebSocket handshake itself.
 */
import type { ProbeResult } from './ws-bridge'

/** A probe for the bridge whose API URL is `wsUrl` (`ws://` or `wss://`, with its `?token=`). */
export function tokenProbe(wsUrl: string, fetchFn: typeof fetch = fetch): () => Promise<ProbeResult> {
  const httpUrl = wsUrl.replace(/^ws/, 'http')
  return async () => {
    try {
      const response = await fetchFn(httpUrl, { cache: 'no-store', credentials: 'omit' })
      return response.status === 401 ? 'refused' : 'unknown'
    } catch {
      // Unreachable host (stopped, or restarting): nothing conclusive, the bridge keeps retrying.
      return 'unknown'
    }
  }
}
