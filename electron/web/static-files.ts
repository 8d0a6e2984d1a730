/**
 * Serves the built renderer (`out/renderer`) read-only: GET/HEAD only, paths confined to the folder,
 * content types by extension, security headers on every response.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, resolve } from 'node:path'
import { isInside } from '../host/files/path-policy'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
}

/** Answers one request from `root`; `headers` are added to every response. */
export async function serveStatic(
  root: string,
  request: IncomingMessage,
  response: ServerResponse,
  headers: Record<string, string>,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response
      .writeHead(405, { ...headers, allow: 'GET, HEAD', 'content-type': 'text/plain' })
      .end('Method not allowed\n')
    return
  }
  const base = resolve(root)
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
  } catch {
    // A malformed percent-escape cannot name any file.
    response.writeHead(400, { ...headers, 'content-type': 'text/plain' }).end('Bad request\n')
    return
  }
  const relativePath = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '')
  const file = resolve(join(base, relativePath))
  const info =
    isInside(base, file) && !pathname.includes('\0') ? await stat(file).catch(() => undefined) : undefined
  if (!info?.isFile()) {
    response.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('Not found\n')
    return
  }
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
  response.writeHead(200, {
    ...headers,
    'content-type': type,
    'content-length': String(info.size),
    'cache-control': type.startsWith('text/html') ? 'no-store' : 'public, max-age=3600',
  })
  if (request.method === 'HEAD') {
    response.end()
    return
  }
  createReadStream(file).pipe(response)
}
