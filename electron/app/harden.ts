/**
 * Locks down every web contents the app creates: no new windows, no navigation away from the studio,
 * no webviews, every permission request refused, and nothing loaded from the network.
 */
import { app, type Session, session, shell } from 'electron'
import { isAppUrl } from './app-protocol'

/** Applies the rules to all current and future web contents. */
export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      // Links to documentation open in the user's browser, never inside the app.
      if (url.startsWith('https://')) void shell.openExternal(url)
      return { action: 'deny' }
    })
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
  denyPermissionsAndNetwork(session.defaultSession)
}

function denyPermissionsAndNetwork(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  target.setPermissionCheckHandler(() => false)
  // The renderer talks to the host over IPC only; any other request is a bug or an attack.
  target.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      isAppUrl(details.url) || details.url.startsWith('devtools://') || details.url.startsWith('data:')
    callback({ cancel: !allowed })
  })
}
