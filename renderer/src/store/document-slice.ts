/**
 * The open document and its undo history. Every document change goes through `change` (one undo
 * step, optionally coalesced) or through a transient burst (`beginTransient` … `endTransient`) that
 * becomes one step when it ends: a drag, an animated auto-layout.
 */
import { emptyHistory, record, redo, undo } from '../document/history'
import { emptyDocument } from '../document/new-document'
import type { SliceCreator } from './state'
import type { DocumentSlice } from './state-document'

export function newDraftId(): string {
  const bytes = new Uint8Array(8)
  crypto.getRandomValues(bytes)
  return `draft_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}

export const createDocumentSlice: SliceCreator<DocumentSlice> = (set, get) => {
  const initial = emptyDocument()
  return {
    doc: initial,
    docPath: null,
    docName: initial.name,
    savedDoc: initial,
    modifiedAt: null,
    draftId: newDraftId(),
    history: emptyHistory,
    transientBase: null,
    loadProblems: [],
    unreadableText: null,
    docSerial: 0,

    change(label, fn, options) {
      const { doc, history, transientBase } = get()
      const next = fn(doc)
      if (next === doc) return false
      if (transientBase) {
        set({ doc: next })
        return true
      }
      set({ doc: next, history: record(history, doc, label, options) })
      get().pruneSelection(doc)
      return true
    },
    beginTransient() {
      if (!get().transientBase) set({ transientBase: get().doc })
    },
    transient(fn) {
      const { doc } = get()
      const next = fn(doc)
      if (next !== doc) set({ doc: next })
    },
    endTransient(label) {
      const { transientBase, doc, history } = get()
      if (!transientBase) return
      if (transientBase === doc) set({ transientBase: null })
      else set({ transientBase: null, history: record(history, transientBase, label) })
    },
    undo() {
      if (get().transientBase) get().endTransient('Move')
      const before = get().doc
      const step = undo(get().history, before)
      if (!step) return
      set({ doc: step.doc, history: step.history })
      get().pruneSelection(before)
      get().notify(`Undid ${step.label}`)
    },
    redo() {
      const before = get().doc
      const step = redo(get().history, before)
      if (!step) return
      set({ doc: step.doc, history: step.history })
      get().pruneSelection(before)
      get().notify(`Redid ${step.label}`)
    },
    loadDocument(loaded) {
      const doc = loaded.doc ?? emptyDocument(loaded.name)
      const saved = loaded.dirty ? emptyDocument(loaded.name, doc.id) : doc
      set({
        doc,
        savedDoc: saved,
        docPath: loaded.path,
        docName: loaded.name,
        modifiedAt: loaded.modifiedAt,
        draftId: newDraftId(),
        history: emptyHistory,
        transientBase: null,
        loadProblems: loaded.problems,
        unreadableText: loaded.doc ? null : (loaded.text ?? null),
        docSerial: get().docSerial + 1,
      })
      get().clearSelection()
    },
    markSaved(original, saved, path, name, modifiedAt) {
      const current = get().doc
      set({
        savedDoc: saved,
        docPath: path,
        docName: name,
        modifiedAt,
        loadProblems: [],
        unreadableText: null,
        ...(current === original && { doc: saved }),
      })
    },
  }
}
