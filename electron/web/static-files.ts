/**
 * Serves the built renderer (`out/renderer`) read-only: GET/HEAD only, paths confined to the folder
 * (`rendererFile`), content types by extension, security headers on every response.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { contentTypeOf, rendererFile } from '../security/renderer-files'

/** Answers one request from `root`; `headers` are added to every response. */
export async function serveStatic(
  root: string,
  request: IncomingMessage,
  response: ServerResponse,
  headers: Record<string, string>,
): Promise<void> {
  const plain = (status: number, text: string, extra: Record<string, string> = {}) =>
    response.writeHead(status, { ...headers, ...extra, 'content-type': 'text/plain' }).end(`${text}\n`)
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    plain(405, 'Method not allowed', { allow: 'GET, HEAD' })
    return
  }
  const target = rendererFile(root, new URL(request.url ?? '/', 'http://localhost').pathname)
  if ('status' in target) {
    plain(target.status, target.status === 400 ? 'Bad request' : 'Not found')
    return
  }
  const info = await stat(target.file).catch(() => undefined)
  if (!info?.isFile()) {
    // Browsers ask for a site icon on their own; "none" keeps a 404 out of every page's console.
    if (target.file.endsWith('favicon.ico')) response.writeHead(204, headers).end()
    else plain(404, 'Not found')
    return
  }
  const type = contentTypeOf(target.file)
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
  createReadStream(target.file).pipe(response)
}
