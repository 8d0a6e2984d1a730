/**
 * Wires a store to the host: connection status, the catalog, pushed streams (menu commands, draft
 * recovery, plugin reloads, files changed on disk), periodic autosave and the window title.
 */
import type { StudioBridge } from '../../../electron/ipc/contract'
import { connectRun } from '../run/run-link'
import { documentTitle, errorMessage, isDirty } from './files-slice'
import type { StudioStore } from './state'

export const AUTOSAVE_MS = 3000

/** What to open at startup, from the page URL (`?open=<path>` or `?example=<id>`). */
export interface StartupTarget {
  readonly open?: string
  readonly example?: string
}

export function startupTarget(search: string): StartupTarget {
  const params = new URLSearchParams(search)
  const open = params.get('open')
  const example = params.get('example')
  return { ...(open && { open }), ...(example && { example }) }
}

/**
 * Opens the most recently used document when the studio starts with nothing else to show, as long
 * as the user has not begun a new flow in the meantime.
 */
async function reopenLast(store: StudioStore): Promise<void> {
  const state = store.getState()
  const last = state.recent[0]
  const untouched = state.doc === state.savedDoc && state.doc.routines.length === 0 && state.docPath === null
  if (last?.exists && untouched) await state.openPath(last.path)
}

/** Connects `store` to `bridge`; returns a function that undoes every subscription. */
export function connectHost(
  store: StudioStore,
  bridge: StudioBridge,
  target: StartupTarget = {},
): () => void {
  const s = () => store.getState()
  let loadedOnce = false
  /** The shell asked for a document (command line, Finder, menu) before the last one could reopen. */
  let documentRequested = false
  const cleanups: (() => void)[] = []

  cleanups.push(
    bridge.onStatus((status) => {
      s().setBridgeStatus(status)
      if (status !== 'connected') return
      const first = !loadedOnce
      loadedOnce = true
      // The startup document is fetched alongside the catalog and shown once the routine types are known.
      const catalog = s().loadCatalog()
      catalog.catch((error) => s().notify(`Could not reach the host: ${errorMessage(error)}`, 'error'))
      if (!first) return
      if (target.open) void s().openPath(target.open, catalog)
      else if (target.example) void s().openExample(target.example, catalog)
      else
        void catalog.then(() => {
          if (!documentRequested) void reopenLast(store)
        })
    }),
  )
  cleanups.push(
    bridge.subscribe('menu.command', ({ command, arg, viaShortcut }) => {
      if (command.startsWith('file.open') || command === 'file.new') documentRequested = true
      s().dispatchCommand(command, arg, viaShortcut === true)
    }),
  )
  cleanups.push(connectRun(store, bridge))
  cleanups.push(
    bridge.subscribe('draft.recoveryOffered', ({ drafts }) => {
      if (drafts.length > 0) s().openDialog({ kind: 'recovery', drafts })
    }),
  )
  cleanups.push(bridge.subscribe('registry.changed', (registry) => s().setRegistry(registry)))
  cleanups.push(
    bridge.subscribe('document.changedOnDisk', ({ path, change }) => {
      if (path !== s().docPath) return
      if (change === 'deleted') {
        s().notify(`${path} was deleted on disk. Save to write it again.`, 'error')
        return
      }
      s().openDialog({
        kind: 'confirm',
        title: 'File changed on disk',
        message: isDirty(s())
          ? `${path} was changed outside the studio. Reload it and lose your unsaved changes?`
          : `${path} was changed outside the studio. Reload it?`,
        confirmLabel: 'Reload',
        proceed: () => {
          // The user chose to lose the unsaved changes: their draft must not come back at next start.
          if (isDirty(s())) void s().discardDraft(s().draftId)
          void s().openPath(path)
        },
      })
    }),
  )

  // A host that refused the page will never take a draft again; the notice says so once, not a toast per tick.
  const timer = setInterval(() => {
    if (s().bridgeStatus !== 'refused') void s().autosave()
  }, AUTOSAVE_MS)
  cleanups.push(() => clearInterval(timer))

  const reportTitle = () => {
    const state = s()
    document.title = `${isDirty(state) ? '● ' : ''}${documentTitle(state)} — Routilux Studio`
    state.reportDocumentState()
  }
  reportTitle()
  cleanups.push(
    store.subscribe((state) => [isDirty(state), state.docName, state.docPath] as const, reportTitle, {
      equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2],
    }),
  )
  return () => {
    for (const cleanup of cleanups) cleanup()
  }
}
