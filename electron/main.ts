/**
 * The desktop app's composition root. Everything with logic lives in `StudioHost` (plain Node) and
 * the engine; this file only wires the window, menu, dialogs and IPC to it, in order.
 */
import { app } from 'electron'
import { registerAppScheme, serveRenderer } from './app/app-protocol'
import {
  connectIpc,
  createDesktopHost,
  createStudioWindow,
  forwardSecondInstance,
  openFromCommandLine,
  quitWhenClosed,
  refreshMenu,
  rendererDir,
} from './app/desktop-shell'
import { hardenWebContents } from './app/harden'
import { loadStudio } from './app/main-window'

registerAppScheme()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.whenReady().then(async () => {
    hardenWebContents()
    serveRenderer(rendererDir())
    const host = await createDesktopHost()
    forwardSecondInstance(host)
    quitWhenClosed(host)
    const window = await createStudioWindow(host)
    await connectIpc(host, window)
    await refreshMenu(host)
    await loadStudio(window)
    openFromCommandLine(host, process.argv, process.cwd())
  })
}
