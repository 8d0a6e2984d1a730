/**
 * The desktop app's private origin: the renderer is served from `app://studio/` (see
 * `electron/app/app-protocol.ts`), which the IPC sender check, navigation rules and permission
 * policy all recognise through these definitions.
 */

export const APP_SCHEME = 'app'
export const APP_HOST = 'studio'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_PAGE = `${APP_ORIGIN}/index.html`

/** True when `url` is a page or file of the studio itself (or its bare origin). */
export function isAppUrl(url: string): boolean {
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`)
}
