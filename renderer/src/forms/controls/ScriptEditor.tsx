/**
 * A script field: CodeMirror with JavaScript highlighting and syntax errors underlined as you type,
 * checked by the engine's own checker (the one a run applies).
 */
import { javascript } from '@codemirror/lang-javascript'
import { type Diagnostic, linter, lintGutter } from '@codemirror/lint'
import { useCallback, useRef, useState } from 'react'
import { checkScriptSyntax, type ScriptDiagnostic } from '../../../../engine/routines/script-syntax'
import { useCodeEditor } from '../../code/useCodeEditor'
import type { FieldProps } from '../field-props'

const EXTENSIONS = [
  javascript(),
  lintGutter(),
  linter(
    (view): Diagnostic[] =>
      checkScriptSyntax(view.state.doc.toString()).map((d) => ({
        from: d.start,
        to: d.end,
        severity: 'error',
        message: d.message,
      })),
    { delay: 250 },
  ),
]

export function ScriptEditor({ value, path, onChange }: FieldProps) {
  const host = useRef<HTMLDivElement>(null)
  const text = typeof value === 'string' ? value : ''
  const [diagnostic, setDiagnostic] = useState<ScriptDiagnostic | undefined>(() => checkScriptSyntax(text)[0])
  const onEdit = useCallback(
    (code: string) => {
      setDiagnostic(checkScriptSyntax(code)[0])
      onChange(path, code)
    },
    [onChange, path],
  )
  useCodeEditor(host, text, EXTENSIONS, onEdit)

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
