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
import { APP_PAGE } from './app-protocol'

export interface MainWindow {
  readonly window: BrowserWindow
  readonly guard: CloseGuard
}

export async function openMainWindow(options: {
  preload: string
  stateFile: string
  onSaveBeforeClose: () => void
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
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  })
  if (state.maximized) window.maximize()
  if (state.fullScreen) window.setFullScreen(true)
  window.once('ready-to-show', () => window.show())

  let allowClose = false
  const guard = new CloseGuard({
    ask: (title) => askToSave(window, title),
    requestSave: options.onSaveBeforeClose,
    close: () => {
      allowClose = true
      window.close()
    },
  })
  window.on('close', (event) => {
    if (!allowClose && !guard.onCloseRequested()) {
      event.preventDefault()
      return
    }
    void writeJsonFile(options.stateFile, currentState(window))
  })
  return { window, guard }
}

/** Loads the studio page into the window. */
export async function loadStudio(window: BrowserWindow): Promise<void> {
  await window.loadURL(APP_PAGE)
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

/** Where the preload script is, next to the built main script. */
export function preloadPath(mainDir: string): string {
  return join(mainDir, '..', 'preload', 'preload.cjs')
}
