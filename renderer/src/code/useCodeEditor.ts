/**
 * Mounts a CodeMirror editor in `host`. The editor owns its text while the user types (each change
 * is reported through `onChange`); a different `text` from outside (undo, a reset) replaces it.
 * Only lazily loaded editors import this module, so CodeMirror stays out of the main chunk.
 */
import type { Extension } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { basicSetup } from 'codemirror'
import { type RefObject, useEffect, useRef } from 'react'
import { codeHighlighting } from './code-highlight'

const baseTheme = EditorView.theme({
  '&': { fontSize: '12px', backgroundColor: 'var(--input-bg)', color: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--panel-2)', color: 'var(--muted)', border: 'none' },
  '.cm-content': { fontFamily: 'var(--mono)', caretColor: 'var(--text)' },
  '.cm-activeLine': { backgroundColor: 'var(--hover)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--hover)' },
  '&.cm-focused': { outline: '1px solid var(--accent-strong)' },
})

/** Keeps an editor's height at `maxHeight` pixels, scrolling inside beyond it. */
export function maxHeightTheme(maxHeight: number): Extension {
  return EditorView.theme({ '&': { maxHeight: `${maxHeight}px` }, '.cm-scroller': { overflow: 'auto' } })
}

/** Runs an editor with `extensions` (language, linting) in `host`, kept in step with `text`. */
export function useCodeEditor(
  host: RefObject<HTMLDivElement | null>,
  text: string,
  extensions: readonly Extension[],
  onChange: (text: string) => void,
): void {
  const view = useRef<EditorView | null>(null)
  const change = useRef(onChange)
  change.current = onChange
  const initial = useRef({ text, extensions })

  useEffect(() => {
    if (!host.current) return
    const editor = new EditorView({
      parent: host.current,
      doc: initial.current.text,
      extensions: [
        basicSetup,
        ...initial.current.extensions,
        baseTheme,
        codeHighlighting,
        EditorView.updateListener.of((update) => {
          if (update.docChanged) change.current(update.state.doc.toString())
        }),
      ],
    })
    view.current = editor
    return () => {
      editor.destroy()
      view.current = null
    }
  }, [host])

  useEffect(() => {
    const editor = view.current
    if (!editor || editor.state.doc.toString() === text) return
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } })
  }, [text])
}
