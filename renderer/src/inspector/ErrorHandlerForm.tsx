/** An error handler: strategy plus the retry settings that apply to it. Empty strategy = inherit. */
import type { ErrorHandlerSpec } from '../../../engine/document/types'
import type { ErrorStrategy } from '../../../engine/types'
import { NumberSetting } from './NumberSetting'
import { HANDLER_BOUNDS } from './number-bounds'

interface ErrorHandlerFormProps {
  readonly idPrefix: string
  readonly value: ErrorHandlerSpec | undefined
  /** What applies when no handler is set here, e.g. "the flow's handler (stop)". */
  readonly inheritLabel: string
  readonly onChange: (value: ErrorHandlerSpec | undefined, field: string) => void
}

const STRATEGIES: { value: ErrorStrategy; label: string }[] = [
  { value: 'stop', label: 'Stop the job' },
  { value: 'continue', label: 'Continue (record the error)' },
  { value: 'retry', label: 'Retry' },
  { value: 'skip', label: 'Skip the routine' },
]

export function ErrorHandlerForm({ idPrefix, value, inheritLabel, onChange }: ErrorHandlerFormProps) {
  const patch = (field: keyof ErrorHandlerSpec, next: unknown) => {
    if (!value) return
    const updated: Record<string, unknown> = { ...value, [field]: next }
    if (next === undefined || next === '') delete updated[field]
    onChange(updated as unknown as ErrorHandlerSpec, field)
  }
  const number = (field: keyof typeof HANDLER_BOUNDS, label: string, step?: number) => (
    <NumberSetting
      id={`${idPrefix}-${field}`}
      label={label}
      value={typeof value?.[field] === 'number' ? value[field] : undefined}
      placeholder="default"
      bounds={HANDLER_BOUNDS[field]}
      step={step}
      onChange={(n) => patch(field, n)}
    />
  )
  return (
    <div className="error-handler-form">
      <div className="form-field">
        <label htmlFor={`${idPrefix}-strategy`}>On error</label>
        <select
          id={`${idPrefix}-strategy`}
          className="input"
          value={value?.strategy ?? ''}
          onChange={(e) =>
            onChange(
              e.target.value === ''
                ? undefined
                : { ...(value ?? {}), strategy: e.target.value as ErrorStrategy },
              'strategy',
            )
          }
        >
          <option value="">Inherit: {inheritLabel}</option>
          {STRATEGIES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      {value?.strategy === 'retry' && (
        <div className="retry-settings">
          {number('maxRetries', 'Max retries')}
          {number('retryDelayMs', 'Delay (ms)', 100)}
          {number('retryBackoff', 'Backoff ×', 0.5)}
          <div className="form-field inline">
            <label htmlFor={`${idPrefix}-retryOn`}>Retry only codes</label>
            <input
              id={`${idPrefix}-retryOn`}
              className="input code"
              placeholder="every error"
              value={(value.retryOn ?? []).join(', ')}
              onChange={(e) => {
                const codes = e.target.value
                  .split(',')
                  .map((c) => c.trim())
                  .filter(Boolean)
                patch('retryOn', codes.length > 0 ? codes : undefined)
              }}
            />
          </div>
          <div className="form-field checkbox">
            <label htmlFor={`${idPrefix}-critical`}>
              <input
                id={`${idPrefix}-critical`}
                type="checkbox"
                checked={value.isCritical === true}
                onChange={(e) => patch('isCritical', e.target.checked ? true : undefined)}
              />
              Critical: stop the job when retries run out
            </label>
          </div>
        </div>
      )}
    </div>
  )
}
