/**
 * The entry-parameters editor: CodeMirror with JSON highlighting, parse errors underlined as you
 * type, and the check the run applies (a JSON object) shown below. Loaded on demand (RunSettings).
 */
import { json, jsonParseLinter } from '@codemirror/lang-json'
import { linter, lintGutter } from '@codemirror/lint'
import { useRef } from 'react'
import { maxHeightTheme, useCodeEditor } from '../code/useCodeEditor'
import { parseRunParams } from './run-params'

const EXTENSIONS = [json(), lintGutter(), linter(jsonParseLinter(), { delay: 200 }), maxHeightTheme(220)]

export function RunParamsEditor({ text, onChange }: { text: string; onChange: (text: string) => void }) {
  const host = useRef<HTMLDivElement>(null)
  useCodeEditor(host, text, EXTENSIONS, onChange)
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
