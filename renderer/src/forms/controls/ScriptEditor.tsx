/**
 * A script field: CodeMirror with JavaScript highlighting and syntax errors underlined as you type.
 * The editor owns its text while focused; outside changes (undo) replace it.
 */
import { javascript } from '@codemirror/lang-javascript'
import { type Diagnostic, linter, lintGutter } from '@codemirror/lint'
import { EditorView } from '@codemirror/view'
import { basicSetup } from 'codemirror'
import { useEffect, useRef, useState } from 'react'
import { checkScriptSyntax, type ScriptDiagnostic } from '../../../../engine/routines/script-syntax'
import type { FieldProps } from '../field-props'

const scriptLinter = linter(
  (view): Diagnostic[] =>
    checkScriptSyntax(view.state.doc.toString()).map((d) => ({
      from: d.start,
      to: d.end,
      severity: 'error',
      message: d.message,
    })),
  { delay: 250 },
)

const editorTheme = EditorView.theme({
  '&': { fontSize: '12px', backgroundColor: 'var(--input-bg)', color: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--panel-2)', color: 'var(--muted)', border: 'none' },
  '.cm-content': { fontFamily: 'var(--mono)', caretColor: 'var(--text)' },
  '.cm-activeLine': { backgroundColor: 'var(--hover)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--hover)' },
  '&.cm-focused': { outline: '1px solid var(--accent-strong)' },
})

export function ScriptEditor(props: FieldProps) {
  const { value, path, onChange } = props
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const change = useRef(onChange)
  change.current = onChange
  const pathRef = useRef(path)
  pathRef.current = path
  const text = typeof value === 'string' ? value : ''
  const initialText = useRef(text)
  const [diagnostic, setDiagnostic] = useState<ScriptDiagnostic | undefined>(() => checkScriptSyntax(text)[0])

  useEffect(() => {
    if (!host.current) return
    const editor = new EditorView({
      parent: host.current,
      doc: initialText.current,
      extensions: [
        basicSetup,
        javascript(),
        lintGutter(),
        scriptLinter,
        editorTheme,
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return
          const code = update.state.doc.toString()
          setDiagnostic(checkScriptSyntax(code)[0])
          change.current(pathRef.current, code)
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

  return (
    <div className="script-field">
      <div ref={host} className="script-editor nodrag nowheel" data-testid="script-editor" />
      {diagnostic ? (
        <div className="field-error" data-testid="script-error">
          Line {diagnostic.line}, column {diagnostic.column}: {diagnostic.message}
        </div>
      ) : (
        <div className="field-ok small muted">No syntax errors</div>
      )}
    </div>
  )
}
