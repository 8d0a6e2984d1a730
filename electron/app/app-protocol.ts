/**
 * The renderer is served from a private `app://studio/` origin instead of `file://`: a real origin
 * for the sender check and CSP, files confined to the built renderer folder, and the studio's
 * security headers (including the Content Security Policy) on every response, errors included.
 */
import { readFile } from 'node:fs/promises'
import { protocol } from 'electron'
import { isMissing } from '../host/files/if-present'
import { APP_HOST, APP_SCHEME } from '../security/app-origin'
import { contentSecurityPolicy, securityHeaders } from '../security/csp'
import { contentTypeOf, rendererFile } from '../security/renderer-files'

/** Declares the scheme as standard and secure; must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** Serves `rendererDir` under `app://studio/`. */
export function serveRenderer(rendererDir: string): void {
  const headers = securityHeaders(contentSecurityPolicy())
  const plain = (status: number, text: string) =>
    new Response(`${text}\n`, { status, headers: { ...headers, 'content-type': 'text/plain' } })
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST) return plain(404, 'Not found')
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed')
    const target = rendererFile(rendererDir, url.pathname)
    if ('status' in target) return plain(target.status, target.status === 400 ? 'Bad request' : 'Not found')
    let body: Buffer
    try {
      body = await readFile(target.file)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (isMissing(error) || code === 'EISDIR') return plain(404, 'Not found')
      return plain(500, `Could not read ${url.pathname}: ${code ?? 'error'}`)
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      headers: { ...headers, 'content-type': contentTypeOf(target.file) },
    })
  })
}
