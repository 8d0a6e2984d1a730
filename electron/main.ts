/**
 * The desktop app's composition root. Everything with logic lives in `StudioHost` (plain Node) and
 * the engine; this file only wires the window, menu, dialogs and IPC to it, in order. The first three
 * calls must happen before the app is ready: the privileged scheme, the single-instance lock, and
 * the macOS `open-file` listener (a double-clicked document arrives before `ready`).
 */
import { app } from 'electron'
import { registerAppScheme, serveRenderer } from './app/app-protocol'
import {
  connectIpc,
  createDesktopHost,
  createStudioWindow,
  failStartup,
  forwardSecondInstance,
  openFilesGivenAtLaunch,
  quitInOrder,
  receiveOpenedFiles,
  refreshMenu,
  rendererDir,
} from './app/desktop-shell'
import { hardenWebContents } from './app/harden'
import { loadStudio } from './app/main-window'

registerAppScheme()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  receiveOpenedFiles()
  app
    .whenReady()
    .then(async () => {
      hardenWebContents()
      serveRenderer(rendererDir())
      const host = await createDesktopHost()
      forwardSecondInstance(host)
      quitInOrder(host)
      const window = await createStudioWindow(host)
      await connectIpc(host, window)
      await refreshMenu(host)
      await loadStudio(window)
      openFilesGivenAtLaunch(host, process.argv, process.cwd())
    })
    .catch(failStartup)
}
