/**
 * The studio window: isolated, sandboxed renderer without Node, the preload as its only bridge,
 * remembered geometry, and the unsaved-changes prompt on close.
 */
import { join } from 'node:path'
import { BrowserWindow, dialog, screen } from 'electron'
import { readJsonFile, writeJsonFile } from '../host/files/json-file'
import type { CloseChoice } from '../host/shell/close-guard'
import { CloseGuard } from '../host/shell/close-guard'
import { fitToDisplays, parseWindowState, type WindowState } from '../host/shell/window-state'
import { APP_PAGE } from '../security/app-origin'

export interface MainWindow {
  readonly window: BrowserWindow
  readonly guard: CloseGuard
  /** Resolves once the geometry saved when the window closed is on disk. */
  stateSaved(): Promise<void>
}

export async function openMainWindow(options: {
  preload: string
  stateFile: string
  onSaveBeforeClose: () => void
  log: (message: string) => void
}): Promise<MainWindow> {
  const stored = parseWindowState(await readJsonFile(options.stateFile, undefined))
  const state = fitToDisplays(
    stored,
    screen.getAllDisplays().map((d) => d.workArea),
  )
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Routilux Studio',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  })
  if (state.maximized) window.maximize()
  if (state.fullScreen) window.setFullScreen(true)
  window.once('ready-to-show', () => window.show())

  let allowClose = false
  let saving: Promise<void> = Promise.resolve()
  const guard = new CloseGuard({
    ask: (title) => askToSave(window, title),
    requestSave: options.onSaveBeforeClose,
    close: () => {
      allowClose = true
      window.close()
    },
  })
  window.webContents.on('render-process-gone', (_event, details) => {
    options.log(`The studio page stopped (${details.reason}); its autosaved drafts are offered next time`)
    guard.forget()
  })
  window.on('close', (event) => {
    if (!allowClose && !guard.onCloseRequested()) {
      event.preventDefault()
      return
    }
    saving = writeJsonFile(options.stateFile, currentState(window)).catch((error: unknown) =>
      options.log(`Could not save the window state: ${String(error)}`),
    )
  })
  return { window, guard, stateSaved: () => saving }
}

/** Loads the studio page into the window. */
export async function loadStudio(window: BrowserWindow): Promise<void> {
  await window.loadURL(APP_PAGE)
}

/** Brings the window to the front (a second launch, a file opened from the Finder). */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}

/** Shows the document title and dirty marker in the title bar. */
export function showDocumentState(window: BrowserWindow, state: { title: string; dirty: boolean }): void {
  window.setTitle(`${state.dirty ? '• ' : ''}${state.title} — Routilux Studio`)
  window.setDocumentEdited(state.dirty)
}

function currentState(window: BrowserWindow): WindowState {
  return {
    bounds: window.getNormalBounds(),
    maximized: window.isMaximized(),
    fullScreen: window.isFullScreen(),
  }
}

async function askToSave(window: BrowserWindow, title: string): Promise<CloseChoice> {
  const { response } = await dialog.showMessageBox(window, {
    type: 'warning',
    buttons: ['Save', "Don't Save", 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    message: `Save the changes to “${title}” before closing?`,
    detail: 'Your changes will be lost if you do not save them.',
  })
  return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel'
}

/** Where the preload script is in the built app (`out/preload/preload.cjs`). */
export function preloadPath(outDir: string): string {
  return join(outDir, 'preload', 'preload.cjs')
}
