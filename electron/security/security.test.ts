import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isAppUrl } from './app-origin'
import { contentSecurityPolicy, securityHeaders } from './csp'
import { permissionAllowed } from './permissions'
import { contentTypeOf, rendererFile } from './renderer-files'

const root = resolve('/srv/studio/renderer')

describe('renderer files', () => {
  it('serves index.html for the root and files inside the folder', () => {
    expect(rendererFile(root, '/')).toEqual({ file: join(root, 'index.html') })
    expect(rendererFile(root, '/assets/index-1.js')).toEqual({ file: join(root, 'assets', 'index-1.js') })
    expect(rendererFile(root, '/assets/a%20b.css')).toEqual({ file: join(root, 'assets', 'a b.css') })
  })

  it('refuses paths that leave the folder, however they are spelled', () => {
    for (const path of [
      '/../secret',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      '/..%5c..%5cwindows',
      '/%00index.html',
      '//etc/passwd/..',
    ]) {
      const target = rendererFile(root, path)
      if ('file' in target) expect(target.file.startsWith(`${root}/`)).toBe(true)
      else expect(target.status).toBe(404)
    }
    expect(rendererFile(root, '/%E0%A4%A')).toEqual({ status: 400 })
    expect(rendererFile(root, '/..')).toEqual({ status: 404 })
  })

  it('names content types by extension', () => {
    expect(contentTypeOf('a/index.html')).toBe('text/html; charset=utf-8')
    expect(contentTypeOf('a/x.WASM')).toBe('application/wasm')
    expect(contentTypeOf('a/unknown.bin')).toBe('application/octet-stream')
  })
})

describe('content security policy', () => {
  it('allows scripts only from the app and connections only back to the host', () => {
    const csp = contentSecurityPolicy({ connectSrc: ['ws://127.0.0.1:4000'] })
    expect(csp).toContain("script-src 'self';")
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:4000;")
    expect(csp).toContain("object-src 'none'")
    expect(securityHeaders(csp)).toMatchObject({
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    })
  })
})

describe('desktop permissions', () => {
  it('grants only clipboard writes, and only to the studio page', () => {
    expect(permissionAllowed('clipboard-sanitized-write', 'app://studio/index.html')).toBe(true)
    expect(permissionAllowed('clipboard-sanitized-write', 'app://studio')).toBe(true)
    expect(permissionAllowed('clipboard-sanitized-write', 'https://example.com/')).toBe(false)
    expect(permissionAllowed('clipboard-sanitized-write', 'app://studio.evil/')).toBe(false)
    expect(permissionAllowed('clipboard-sanitized-write', undefined)).toBe(false)
    for (const permission of ['clipboard-read', 'media', 'notifications', 'geolocation', 'openExternal']) {
      expect(permissionAllowed(permission, 'app://studio/index.html')).toBe(false)
    }
  })

  it('recognises the studio origin exactly', () => {
    expect(isAppUrl('app://studio/index.html')).toBe(true)
    expect(isAppUrl('app://studio')).toBe(true)
    expect(isAppUrl('app://studiox/index.html')).toBe(false)
    expect(isAppUrl('file:///app://studio/')).toBe(false)
  })
})
