/**
 * The desktop shell's parts, each set up by one function that `main.ts` calls in order: the host with
 * native dialogs and window hooks, the IPC binding trusting only the studio window, the menu, files
 * handed over by the command line, a second launch or the macOS Finder, and a shutdown in the right
 * order (window and its unsaved-changes prompt first, then the host).
 */
import { join } from 'node:path'
import { app, type BrowserWindow, dialog } from 'electron'
import { loadNodePlugins } from '../host/registry/node-plugins'
import { documentFromArgv } from '../host/shell/command-line'
import { menuShortcuts, menuTemplate } from '../host/shell/menu-template'
import { QuitFlow } from '../host/shell/quit-flow'
import { StudioHost } from '../host/studio-host'
import { installMainIpc } from '../ipc/main-ipc'
import { isAppUrl } from '../security/app-origin'
import { installMenu } from './app-menu'
import { focusWindow, type MainWindow, openMainWindow, preloadPath, showDocumentState } from './main-window'
import { nativeDialogs } from './native-dialogs'

/** Late-bound window reference: the host is created before the window exists. */
export interface ShellState {
  main: MainWindow | undefined
  host: StudioHost | undefined
  /** The geometry write of the last closed window (awaited before quitting). */
  windowStateSaved: Promise<void>
}

export const shellState: ShellState = {
  main: undefined,
  host: undefined,
  windowStateSaved: Promise.resolve(),
}

const log = (message: string) => console.warn(message)

/**
 * The built app's folder (`out/`): inside the app's root (the folder of package.json in development,
 * the asar archive when packaged), wherever the bundler put this code.
 */
export function outDir(): string {
  return join(app.getAppPath(), 'out')
}

export function rendererDir(): string {
  return join(outDir(), 'renderer')
}

export async function createDesktopHost(): Promise<StudioHost> {
  const resources = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources')
  const host: StudioHost = await StudioHost.create({
    appDataDir: app.getPath('userData'),
    workspaceRoot: null,
    pathMode: 'granted',
    examplesDir: join(resources, 'examples'),
    version: app.getVersion(),
    capabilities: { nativeDialogs: true, workspaceBrowser: false, metricsEndpoint: true, windowShell: true },
    menuKeys: menuShortcuts(
      menuTemplate({ recent: [], examples: [], platform: process.platform }),
      process.platform,
    ),
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
    log,
  })
  shellState.host = host
  return host
}

/** Creates the window (not yet showing the studio: IPC must be bound first). */
export async function createStudioWindow(host: StudioHost): Promise<BrowserWindow> {
  const main = await openMainWindow({
    preload: preloadPath(outDir()),
    stateFile: join(app.getPath('userData'), 'window-state.json'),
    onSaveBeforeClose: () => host.command({ command: 'app.saveBeforeClose' }),
    log,
  })
  shellState.main = main
  main.window.once('closed', () => {
    shellState.windowStateSaved = main.stateSaved()
    if (shellState.main === main) shellState.main = undefined
  })
  return main.window
}

/** Binds the contract to IPC; only the studio window showing the studio's own page may call. */
export async function connectIpc(host: StudioHost, window: BrowserWindow): Promise<void> {
  const windowId = window.webContents.id
  const unbind = await installMainIpc(host.endpoint, {
    isTrustedSender: (sender, frameUrl) => sender.id === windowId && frameUrl !== null && isAppUrl(frameUrl),
    onRejected: (reason) => log(`IPC refused: ${reason}`),
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

/** Files handed over before the host existed (macOS `open-file` arrives even before `ready`). */
const waitingFiles: string[] = []

/**
 * macOS hands documents to the app with `open-file` (Finder, Dock, `open -a`), possibly before the
 * app is ready, so this is installed first; files that arrive before the host exists wait for it.
 */
export function receiveOpenedFiles(): void {
  app.on('open-file', (event, path) => {
    event.preventDefault()
    const host = shellState.host
    if (!host) {
      waitingFiles.push(path)
      return
    }
    host.openFromShell(path)
    if (shellState.main) focusWindow(shellState.main.window)
  })
}

/** Opens what the launch asked for: a document on the command line, or files the Finder handed over. */
export function openFilesGivenAtLaunch(host: StudioHost, argv: readonly string[], cwd: string): void {
  openFromCommandLine(host, argv, cwd)
  for (const path of waitingFiles.splice(0)) host.openFromShell(path)
}

/** A second launch focuses this window and forwards its file. */
export function forwardSecondInstance(host: StudioHost): void {
  app.on('second-instance', (_event, argv, cwd) => {
    if (shellState.main) focusWindow(shellState.main.window)
    openFromCommandLine(host, argv, cwd)
  })
}

/** Quits when the window is closed, and on any quit request closes the window before stopping the host. */
export function quitInOrder(host: StudioHost): void {
  const flow = new QuitFlow({
    windowOpen: () => shellState.main !== undefined && !shellState.main.window.isDestroyed(),
    closeWindow: () => shellState.main?.window.close(),
    shutdown: async () => {
      await Promise.all([host.close(), shellState.windowStateSaved])
    },
    quit: () => app.quit(),
    onError: (error) => log(`Shutting down: ${error instanceof Error ? error.stack : String(error)}`),
  })
  app.on('window-all-closed', () => flow.onAllWindowsClosed())
  app.on('before-quit', (event) => {
    if (!flow.onQuitRequested()) event.preventDefault()
  })
}

/** Startup failed before a window could show it: tell the user and leave. */
export function failStartup(error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
  log(`Routilux Studio could not start: ${detail}`)
  dialog.showErrorBox('Routilux Studio could not start', detail)
  app.exit(1)
}
