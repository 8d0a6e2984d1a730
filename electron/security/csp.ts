/**
 * The renderer's Content Security Policy, one definition for both shells (the desktop app's `app://`
 * protocol and the web-mode HTTP server).
 *
 * - Scripts only from the app itself: no inline script, no `eval` (`'unsafe-eval'` is never set).
 * - Styles: `'self'` plus `'unsafe-inline'`. CodeMirror and React Flow inject `<style>` elements and
 *   style attributes at run time; a nonce would have to reach every such library. Inline styles
 *   cannot run code, so this keeps the script policy strict at little cost (see docs/security.md).
 * - Connections only back to the host (`connectSrc`: the WebSocket URL in web mode).
 * - No plugins, frames, forms or base-URI changes.
 */

/** The policy as a header value. */
export function contentSecurityPolicy(options: { connectSrc?: readonly string[] } = {}): string {
  const directives: Record<string, readonly string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(options.connectSrc ?? [])],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  }
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ')
}

/** Headers sent with every renderer file. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  }
}
