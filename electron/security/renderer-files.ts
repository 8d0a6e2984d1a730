/**
 * Maps a request path to a file of the built renderer, for both shells (the desktop app's `app://`
 * protocol and the web-mode HTTP server): `/` is `index.html`, percent-escapes are decoded, and any
 * path that would leave the renderer folder (`..`, encoded separators, NUL bytes) is refused. Content
 * types go by extension.
 */
import { extname, isAbsolute, join, relative, resolve } from 'node:path'

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

/** The file a request path names, or the HTTP status to answer instead (400 malformed, 404 outside). */
export type RendererTarget = { readonly file: string } | { readonly status: 400 | 404 }

/** Resolves the URL `pathname` (still percent-encoded) against the renderer folder `root`. */
export function rendererFile(root: string, pathname: string): RendererTarget {
  const base = resolve(root)
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    // A malformed percent-escape cannot name any file.
    return { status: 400 }
  }
  if (decoded.includes('\0')) return { status: 404 }
  const relativePath = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^[/\\]+/, '')
  const file = resolve(join(base, relativePath))
  const rel = relative(base, file)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { status: 404 }
  return { file }
}

/** The `content-type` for a renderer file. */
export function contentTypeOf(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}
