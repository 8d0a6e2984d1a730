/**
 * Locks down every web contents the app creates: no new windows (not even external links), no
 * navigation away from the studio, no webviews, permissions refused except clipboard writes by the
 * studio page (`permissionAllowed`), nothing loaded from the network, and the Content Security Policy
 * on every response.
 */
import { app, type Session, session } from 'electron'
import { isAppUrl } from '../security/app-origin'
import { contentSecurityPolicy } from '../security/csp'
import { permissionAllowed } from '../security/permissions'

/** Applies the rules to all current and future web contents. */
export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
  lockDownSession(session.defaultSession)
}

function lockDownSession(target: Session): void {
  target.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permissionAllowed(permission, details.requestingUrl)),
  )
  target.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionAllowed(permission, requestingOrigin),
  )
  // The renderer talks to the host over IPC only; any other request is a bug or an attack.
  target.webRequest.onBeforeRequest((details, callback) => {
    const { url } = details
    const allowed =
      isAppUrl(url) || ['devtools://', 'data:', 'blob:'].some((scheme) => url.startsWith(scheme))
    callback({ cancel: !allowed })
  })
  // The app:// handler already sends the policy; this repeats it for any response that lacks it.
  const csp = contentSecurityPolicy()
  target.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } })
  })
}
