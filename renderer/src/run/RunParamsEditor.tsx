/**
 * The entry-parameters editor: CodeMirror with JSON highlighting, parse errors underlined as you
 * type, and the check the run applies (a JSON object) shown below.
 */
import { json, jsonParseLinter } from '@codemirror/lang-json'
import { linter, lintGutter } from '@codemirror/lint'
import { EditorView } from '@codemirror/view'
import { basicSetup } from 'codemirror'
import { useEffect, useRef } from 'react'
import { parseRunParams } from './run-params'

const editorTheme = EditorView.theme({
  '&': { fontSize: '12px', backgroundColor: 'var(--input-bg)', color: 'var(--text)', maxHeight: '220px' },
  '.cm-scroller': { overflow: 'auto' },
  '.cm-gutters': { backgroundColor: 'var(--panel-2)', color: 'var(--muted)', border: 'none' },
  '.cm-content': { fontFamily: 'var(--mono)', caretColor: 'var(--text)' },
  '.cm-activeLine': { backgroundColor: 'var(--hover)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--hover)' },
  '&.cm-focused': { outline: '1px solid var(--accent-strong)' },
})

export function RunParamsEditor({ text, onChange }: { text: string; onChange: (text: string) => void }) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const change = useRef(onChange)
  change.current = onChange
  const initial = useRef(text)

  useEffect(() => {
    if (!host.current) return
    const editor = new EditorView({
      parent: host.current,
      doc: initial.current,
      extensions: [
        basicSetup,
        json(),
        lintGutter(),
        linter(jsonParseLinter(), { delay: 200 }),
        editorTheme,
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
  }, [])

  useEffect(() => {
    const editor = view.current
    if (!editor || editor.state.doc.toString() === text) return
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } })
  }, [text])

  const result = parseRunParams(text)
  return (
    <div className="run-params">
      <div ref={host} className="run-params-editor" data-testid="run-params" />
      {result.ok ? (
        <div className="small muted">
          {Object.keys(result.params).length} parameter{Object.keys(result.params).length === 1 ? '' : 's'}
        </div>
      ) : (
        <div className="field-error" data-testid="run-params-error">
          {result.message}
        </div>
      )}
    </div>
  )
}
