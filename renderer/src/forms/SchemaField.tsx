/** One generated field: label, control for its schema, help text and validation messages. */
import { lazy, Suspense } from 'react'
import { ArrayControl } from './controls/ArrayControl'
import { EnumControl } from './controls/EnumControl'
import { ExpressionControl } from './controls/ExpressionControl'
import { JsonControl } from './controls/JsonControl'
import { NumberControl } from './controls/NumberControl'
import { TextControl } from './controls/TextControl'
import { type FieldProps, inputId } from './field-props'
import { ObjectFields } from './ObjectFields'
import { fieldKind, fieldTitle } from './schema-kind'
import { pathString } from './value-path'

/** The code editor (CodeMirror) loads only when a script field is shown. */
const ScriptEditor = lazy(() => import('./controls/ScriptEditor').then((m) => ({ default: m.ScriptEditor })))

export function SchemaField(props: FieldProps & { required?: boolean }) {
  const { schema, path, issues, required } = props
  const key = path[path.length - 1] ?? ''
  const kind = fieldKind(schema, typeof key === 'string' ? key : undefined)
  const messages = issues.get(pathString(path)) ?? []
  const title = fieldTitle(schema, key)
  const description = typeof schema.description === 'string' ? schema.description : undefined

  if (kind === 'object') {
    return (
      <fieldset className="form-group">
        <legend>{title}</legend>
        {description && <p className="help">{description}</p>}
        <ObjectFields {...props} />
        {messages.map((m) => (
          <div key={m} className="field-error">
            {m}
          </div>
        ))}
      </fieldset>
    )
  }
  if (kind === 'boolean') {
    return (
      <div className="form-field checkbox">
        <label htmlFor={inputId(props)}>
          <input
            id={inputId(props)}
            type="checkbox"
            checked={props.value === true}
            onChange={(e) => props.onChange(path, e.target.checked)}
          />
          {title}
        </label>
        {description && <p className="help">{description}</p>}
      </div>
    )
  }
  return (
    <div className={`form-field${messages.length > 0 ? ' has-error' : ''}`}>
      <label htmlFor={inputId(props)}>
        {title}
        {required && (
          <span className="required" title="Required">
            {' '}
            *
          </span>
        )}
      </label>
      {kind === 'enum' && <EnumControl {...props} />}
      {kind === 'number' && <NumberControl {...props} integer={false} />}
      {kind === 'integer' && <NumberControl {...props} integer />}
      {kind === 'text' && <TextControl {...props} />}
      {kind === 'textarea' && <TextControl {...props} multiline />}
      {kind === 'expression' && <ExpressionControl {...props} />}
      {kind === 'script' && (
        <Suspense fallback={<div className="muted small">Loading the code editor…</div>}>
          <ScriptEditor {...props} />
        </Suspense>
      )}
      {kind === 'array' && <ArrayControl {...props} />}
      {kind === 'json' && <JsonControl {...props} />}
      {description && <p className="help">{description}</p>}
      {messages.map((m) => (
        <div key={m} className="field-error">
          {m}
        </div>
      ))}
    </div>
  )
}
