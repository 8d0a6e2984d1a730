/** New, open, save, save as, examples, autosaved drafts and their recovery, through the bridge. */

import type { OpenedDocument, StudioError } from '../../../electron/ipc/contract'
import type { FlowDocument } from '../../../engine/document/types'
import { emptyDocument } from '../document/new-document'
import type { SliceCreator, StudioState } from './state'
import type { FilesSlice } from './state-files'

/** True when the document has changes that are not saved. */
export const isDirty = (s: Pick<StudioState, 'doc' | 'savedDoc'>): boolean => s.doc !== s.savedDoc

/** A document title for window and tab: flow name, or file name for saved files. */
export const documentTitle = (s: Pick<StudioState, 'docName' | 'docPath'>): string => s.docName

export const createFilesSlice: SliceCreator<FilesSlice> = (set, get, _store, { bridge, now }) => {
  let lastDraftDoc: FlowDocument | null = null
  let lastDraftViewport: StudioState['viewport'] = null
  let reported = ''

  const fail = (what: string, error: unknown) => get().notify(`${what}: ${errorMessage(error)}`, 'error')

  const load = (opened: OpenedDocument, dirty = false) => {
    const previous = get().docPath
    get().loadDocument({
      doc: opened.document,
      path: opened.path,
      name: opened.name,
      modifiedAt: opened.modifiedAt,
      problems: opened.problems,
      ...(opened.text !== undefined && { text: opened.text }),
      dirty,
    })
    lastDraftDoc = null
    if (bridge && previous && previous !== opened.path) {
      bridge
        .call('document.close', { path: previous })
        .catch((error) => fail('Closing the previous file', error))
    }
    if (!opened.document) get().togglePanel('problems', true)
  }

  /** The document as it will be written: the current viewport goes into its layout. */
  const withViewport = (doc: FlowDocument): FlowDocument => {
    const viewport = get().viewport
    if (!viewport) return doc
    const current = doc.layout.viewport
    if (current && current.x === viewport.x && current.y === viewport.y && current.zoom === viewport.zoom)
      return doc
    return {
      ...doc,
      layout: { ...doc.layout, viewport: { x: viewport.x, y: viewport.y, zoom: viewport.zoom } },
    }
  }

  // Saves run one after another: a second Ctrl+S while one is in flight would otherwise send the
  // file's old modification time and be refused as a change made outside the studio.
  let inFlight: Promise<unknown> | null = null
  const write = (path: string, overwrite: boolean, asNew: boolean, then?: () => void): Promise<boolean> => {
    const run = inFlight
      ? inFlight.then(() => writeNow(path, overwrite, asNew, then, true))
      : writeNow(path, overwrite, asNew, then)
    const settled = run.catch(() => undefined)
    inFlight = settled
    void settled.then(() => {
      if (inFlight === settled) inFlight = null
    })
    return run
  }

  const writeNow = async (
    path: string,
    overwrite: boolean,
    asNew: boolean,
    then?: () => void,
    queued = false,
  ): Promise<boolean> => {
    if (!bridge) return false
    // A save that waited behind another has nothing left to do when that one wrote everything.
    if (queued && !asNew && path === get().docPath && !isDirty(get())) {
      then?.()
      return true
    }
    const original = get().doc
    const document = withViewport(original)
    set({ saving: true })
    try {
      const { draftId, modifiedAt } = get()
      const saved = asNew
        ? await bridge.call('document.saveAs', { path, document, overwrite, draftId })
        : await bridge.call('document.save', { path, document, expectedModifiedAt: modifiedAt, draftId })
      get().markSaved(original, document, saved.path, saved.name, saved.modifiedAt)
      lastDraftDoc = null
      get().notify(`Saved ${saved.path}`)
      get()
        .refreshRecent()
        .catch((error) => fail('Reading recent files', error))
      then?.()
      return true
    } catch (error) {
      const code = (error as Partial<StudioError>).code
      if (code === 'FILE_EXISTS' || code === 'FILE_CONFLICT') {
        get().openDialog({
          kind: 'confirm',
          title: code === 'FILE_EXISTS' ? 'Replace file?' : 'File changed on disk',
          message:
            code === 'FILE_EXISTS'
              ? `${path} already exists. Replace it?`
              : `${path} was changed outside the studio since you opened it. Overwrite those changes?`,
          confirmLabel: code === 'FILE_EXISTS' ? 'Replace' : 'Overwrite',
          proceed: () => void write(path, true, true, then),
          // Declining a replace goes back to choosing a name, as file dialogs do.
          ...(code === 'FILE_EXISTS' && {
            cancel: () => get().openDialog(then ? { kind: 'saveAs', then } : { kind: 'saveAs' }),
          }),
        })
      } else {
        fail('Saving failed', error)
      }
      return false
    } finally {
      set({ saving: false })
      get().reportDocumentState()
    }
  }

  return {
    saving: false,
    draftSavedAt: null,

    guardUnsaved(action, proceed) {
      if (!isDirty(get())) {
        proceed()
        return
      }
      get().openDialog({
        kind: 'confirm',
        title: 'Unsaved changes',
        message: `“${get().docName}” has unsaved changes. ${action} anyway and lose them?`,
        confirmLabel: 'Discard changes',
        proceed: () => {
          const draftId = get().draftId
          bridge?.call('draft.discard', { draftId }).catch((error) => fail('Discarding the draft', error))
          // Should the open or new flow not happen after all (the file dialog is cancelled), the
          // unsaved work is still on screen: the next autosave keeps it again.
          lastDraftDoc = null
          proceed()
        },
        alternative: {
          label: 'Save first',
          run: () => void get().save(proceed),
        },
      })
    },
    newDocument() {
      const doc = emptyDocument()
      load({ path: null, name: doc.name, document: doc, problems: [], modifiedAt: null })
    },
    async openPath(path, ready) {
      if (!bridge) return
      try {
        const opened = await bridge.call('document.open', { path })
        await ready?.catch(() => undefined)
        load(opened)
        get()
          .refreshRecent()
          .catch((error) => fail('Reading recent files', error))
      } catch (error) {
        fail(`Opening ${path} failed`, error)
      }
    },
    async openWithDialog() {
      if (!bridge) return
      if (!get().appInfo?.capabilities.nativeDialogs) {
        get().openDialog({ kind: 'open' })
        return
      }
      try {
        const { path } = await bridge.call('dialog.open', { title: 'Open flow' })
        if (path !== null) await get().openPath(path)
      } catch (error) {
        fail('Opening failed', error)
      }
    },
    async openExample(id, ready) {
      if (!bridge) return
      try {
        const opened = await bridge.call('document.openExample', { id })
        await ready?.catch(() => undefined)
        load(withoutViewport(opened))
      } catch (error) {
        fail('Opening the example failed', error)
      }
    },
    async save(then) {
      const path = get().docPath
      // A file that could not be read as a flow is not what the canvas shows: a plain save would
      // replace it (and then its backup) with the empty flow, so it asks where to save instead.
      if (path === null || get().unreadableText !== null) return get().saveAs(undefined, false, then)
      return write(path, false, false, then)
    },
    async saveAs(path, overwrite = false, then) {
      if (!bridge) return false
      if (path !== undefined) return write(path, overwrite, true, then)
      if (get().appInfo?.capabilities.nativeDialogs) {
        try {
          const chosen = await bridge.call('dialog.save', {
            title: 'Save flow',
            defaultName: get().docName,
            kind: 'flow',
          })
          return chosen.path === null ? false : write(chosen.path, true, true, then)
        } catch (error) {
          fail('Saving failed', error)
          return false
        }
      }
      get().openDialog(then ? { kind: 'saveAs', then } : { kind: 'saveAs' })
      return false
    },
    async autosave() {
      const state = get()
      if (!bridge || state.saving) return
      if (!isDirty(state)) {
        // Undone back to the saved state: the draft written before holds nothing left to recover.
        if (lastDraftDoc === null) return
        lastDraftDoc = null
        lastDraftViewport = null
        set({ draftSavedAt: null })
        await bridge
          .call('draft.discard', { draftId: state.draftId })
          .catch((error) => fail('Discarding the draft', error))
        return
      }
      if (state.doc === lastDraftDoc && state.viewport === lastDraftViewport) return
      // The draft keeps the view too, so a recovered flow opens where the user was looking.
      const document = withViewport(state.doc)
      try {
        await bridge.call('draft.put', {
          draftId: state.draftId,
          path: state.docPath,
          name: state.docName,
          document,
          baseModifiedAt: state.modifiedAt,
        })
        lastDraftDoc = state.doc
        lastDraftViewport = state.viewport
        set({ draftSavedAt: now() })
      } catch (error) {
        fail('Autosave failed', error)
      }
    },
    async recoverDraft(draftId) {
      if (!bridge) return
      try {
        const { draft, document } = await bridge.call('draft.recover', { draftId })
        load(
          { path: draft.path, name: draft.name, document, problems: [], modifiedAt: draft.baseModifiedAt },
          true,
        )
        set({ draftId })
        get().notify(`Recovered unsaved work of “${draft.name}”`)
      } catch (error) {
        fail('Recovering the draft failed', error)
      }
    },
    async discardDraft(draftId) {
      if (!bridge) return
      try {
        await bridge.call('draft.discard', { draftId })
      } catch (error) {
        fail('Discarding the draft failed', error)
      }
    },
    reportDocumentState(force = false) {
      const state = get()
      const dirty = isDirty(state)
      const title = documentTitle(state)
      const key = `${title}\u0000${state.docPath}\u0000${dirty}`
      if ((key === reported && !force) || !bridge) return
      reported = key
      bridge
        .call('app.setDocumentState', { title, path: state.docPath, dirty })
        .catch((error) => fail('Updating the window title', error))
    },
  }
}

/** The message of a `StudioError` or any thrown value. */
export function errorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message)
  return String(error)
}

/**
 * An example opens fitted to the window, whatever its size: the viewport stored with it suits only
 * the window it was drawn in.
 */
function withoutViewport(opened: OpenedDocument): OpenedDocument {
  const doc = opened.document
  if (!doc?.layout.viewport) return opened
  const { viewport: _stored, ...layout } = doc.layout
  return { ...opened, document: { ...doc, layout } }
}
