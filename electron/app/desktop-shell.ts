/**
 * The desktop shell's parts, each set up by one function that `main.ts` calls in order: the host with
 * native dialogs and window hooks, the IPC binding trusting only the studio window, the menu, the
 * command line and second-instance forwarding, and a clean shutdown.
 */
import { join } from 'node:path'
import { app, type BrowserWindow } from 'electron'
import { loadNodePlugins } from '../host/registry/node-plugins'
import { documentFromArgv } from '../host/shell/command-line'
import { StudioHost } from '../host/studio-host'
import { installMainIpc } from '../ipc/main-ipc'
import { installMenu } from './app-menu'
import { isAppUrl } from './app-protocol'
import { type MainWindow, openMainWindow, preloadPath, showDocumentState } from './main-window'
import { nativeDialogs } from './native-dialogs'

/** Late-bound window reference: the host is created before the window exists. */
export interface ShellState {
  main: MainWindow | undefined
}

export const shellState: ShellState = { main: undefined }

/** Folder of the built app (`out/`), from the main script's location. */
const OUT_DIR = join(import.meta.dirname, '..')

export function rendererDir(): string {
  return join(OUT_DIR, 'renderer')
}

export async function createDesktopHost(): Promise<StudioHost> {
  const resources = app.isPackaged ? process.resourcesPath : join(OUT_DIR, '..', 'resources')
  const host: StudioHost = await StudioHost.create({
    appDataDir: app.getPath('userData'),
    workspaceRoot: null,
    pathMode: 'granted',
    examplesDir: join(resources, 'examples'),
    version: app.getVersion(),
    capabilities: { nativeDialogs: true, workspaceBrowser: false, metricsEndpoint: true, windowShell: true },
    dialogs: nativeDialogs(() => shellState.main?.window),
    shell: {
      setDocumentState: (state) => {
        const main = shellState.main
        if (!main) return
        showDocumentState(main.window, state)
        main.guard.report(state)
      },
    },
    loadPlugins: loadNodePlugins,
    onRecentChanged: () => void refreshMenu(host),
  })
  return host
}

/** Creates the window (not yet showing the studio: IPC must be bound first). */
export async function createStudioWindow(host: StudioHost): Promise<BrowserWindow> {
  shellState.main = await openMainWindow({
    preload: preloadPath(join(OUT_DIR, 'main')),
    stateFile: join(app.getPath('userData'), 'window-state.json'),
    onSaveBeforeClose: () => host.command({ command: 'app.saveBeforeClose' }),
  })
  return shellState.main.window
}

/** Binds the contract to IPC; only the studio window showing the studio's own page may call. */
export async function connectIpc(host: StudioHost, window: BrowserWindow): Promise<void> {
  const unbind = await installMainIpc(host.endpoint, {
    isTrustedSender: (sender, frameUrl) =>
      sender.id === window.webContents.id && frameUrl !== null && isAppUrl(frameUrl),
    onRejected: (reason) => console.warn(`IPC refused: ${reason}`),
  })
  app.once('will-quit', unbind)
}

export async function refreshMenu(host: StudioHost): Promise<void> {
  const [recent, examples] = await Promise.all([host.recent.list(), host.examples.list()])
  installMenu({ recent, examples, platform: process.platform, devTools: !app.isPackaged }, (message) =>
    host.command(message),
  )
}

/** Opens a document named on the command line (`routilux-studio flow.routilux.json`). */
export function openFromCommandLine(host: StudioHost, argv: readonly string[], cwd: string): void {
  const file = documentFromArgv(argv, cwd)
  if (file) host.openFromShell(file)
}

/** A second launch focuses this window and forwards its file. */
export function forwardSecondInstance(host: StudioHost): void {
  app.on('second-instance', (_event, argv, cwd) => {
    const window = shellState.main?.window
    if (window) {
      if (window.isMinimized()) window.restore()
      window.focus()
    }
    openFromCommandLine(host, argv, cwd)
  })
}

/** Quits when the window is closed (also on macOS: one document window) and stops the host first. */
export function quitWhenClosed(host: StudioHost): void {
  app.on('window-all-closed', () => app.quit())
  let stopped = false
  app.on('before-quit', (event) => {
    if (stopped) return
    event.preventDefault()
    void host.close().finally(() => {
      stopped = true
      app.quit()
    })
  })
}
