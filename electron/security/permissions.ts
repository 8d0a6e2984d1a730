/**
 * Which browser permissions the desktop app grants: only writing text to the clipboard (the Copy
 * buttons, e.g. the D2 text), and only to the studio's own page. Everything else — camera,
 * microphone, notifications, geolocation, reading the clipboard (pasting uses the paste event) — is
 * refused, as is any request from another origin.
 */
import { isAppUrl } from './app-origin'

const GRANTED: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

/** True when the studio lets `requestingUrl` (a page URL or an origin) use `permission`. */
export function permissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return GRANTED.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl)
}
