/**
 * The renderer is served from a private `app://studio/` origin instead of `file://`: a real origin
 * for the sender check and CSP, files confined to the built renderer folder, and the studio's
 * security headers (including the Content Security Policy) on every response.
 */
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, resolve } from 'node:path'
import { protocol } from 'electron'
import { isInside } from '../host/files/path-policy'
import { contentSecurityPolicy, securityHeaders } from '../security/csp'

export const APP_SCHEME = 'app'
export const APP_ORIGIN = 'app://studio'
export const APP_PAGE = `${APP_ORIGIN}/index.html`

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
}

/** Declares the scheme as standard and secure; must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** True when `url` is a page of the studio itself. */
export function isAppUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`)
}

/** Serves `rendererDir` under `app://studio/`. */
export function serveRenderer(rendererDir: string): void {
  const base = resolve(rendererDir)
  const headers = securityHeaders(contentSecurityPolicy())
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const relativePath = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)
    const file = resolve(join(base, normalize(relativePath)))
    if (url.host !== 'studio' || !isInside(base, file)) return new Response('Not found', { status: 404 })
    try {
      const body = await readFile(file)
      return new Response(body, {
        headers: {
          ...headers,
          'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        },
      })
    } catch (error) {
      return new Response(`Not found: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, { status: 404 })
    }
  })
}
