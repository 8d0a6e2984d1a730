/** Flow-level settings: name, execution mode, workers, error handler, history limits, timeouts. */
import type { ExecutionSpec, FlowDocument } from '../../../engine/document/types'
import { useStudioStore } from '../store/StoreProvider'
import { useStudio } from '../store/useStudio'
import { ErrorHandlerForm } from './ErrorHandlerForm'
import { Section } from './Section'

const selectDoc = (s: { doc: FlowDocument }) => s.doc

type NumberKey = 'maxWorkers' | 'handlerTimeoutMs' | 'timeoutMs'

export function FlowSettings() {
  const store = useStudioStore()
  const doc = useStudio(selectDoc)
  const execution = doc.execution
  const set = (next: ExecutionSpec, field: string) =>
    store.getState().setExecution(next, `execution:${field}`)
  const setNumber = (key: NumberKey, raw: string, valueAsNumber: number) => {
    const next = { ...execution }
    if (raw === '' || !Number.isFinite(valueAsNumber)) delete next[key]
    else next[key] = valueAsNumber
    set(next, key)
  }
  const setHistory = (key: 'maxSize' | 'ttlMs', raw: string, valueAsNumber: number) => {
    const history = { ...(execution.history ?? {}) }
    if (raw === '' || !Number.isFinite(valueAsNumber)) delete history[key]
    else history[key] = valueAsNumber
    const { history: _previous, ...rest } = execution
    set(Object.keys(history).length === 0 ? rest : { ...rest, history }, `history.${key}`)
  }
  const numberField = (
    id: string,
    label: string,
    value: number | undefined,
    placeholder: string,
    onChange: (raw: string, n: number) => void,
    min = 0,
  ) => (
    <div className="form-field inline">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        type="number"
        min={min}
        value={value === undefined ? '' : String(value)}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value, e.target.valueAsNumber)}
      />
    </div>
  )

  return (
    <div className="inspector-body" data-testid="flow-settings">
      <Section title="Flow">
        <div className="form-field">
          <label htmlFor="flow-name">Name</label>
          <input
            id="flow-name"
            className="input"
            value={doc.name}
            onChange={(e) => store.getState().setFlowInfo({ name: e.target.value }, 'flow:name')}
          />
        </div>
        <div className="form-field">
          <label htmlFor="flow-description">Description</label>
          <textarea
            id="flow-description"
            className="input"
            rows={3}
            value={doc.description}
            onChange={(e) =>
              store.getState().setFlowInfo({ description: e.target.value }, 'flow:description')
            }
          />
        </div>
        <p className="help code flow-id">id: {doc.id}</p>
      </Section>
      <Section title="Execution">
        <div className="form-field">
          <label htmlFor="flow-mode">Mode</label>
          <select
            id="flow-mode"
            className="input"
            value={execution.mode}
            onChange={(e) => set({ ...execution, mode: e.target.value as ExecutionSpec['mode'] }, 'mode')}
          >
            <option value="sequential">Sequential (one at a time, FIFO)</option>
            <option value="concurrent">Concurrent</option>
          </select>
        </div>
        {execution.mode === 'concurrent' &&
          numberField(
            'flow-workers',
            'Max workers',
            execution.maxWorkers,
            '4',
            (raw, n) => setNumber('maxWorkers', raw, n),
            1,
          )}
        {numberField(
          'flow-handler-timeout',
          'Handler timeout (ms)',
          execution.handlerTimeoutMs,
          'none',
          (raw, n) => setNumber('handlerTimeoutMs', raw, n),
        )}
        {numberField('flow-job-timeout', 'Job timeout (ms)', execution.timeoutMs, 'none', (raw, n) =>
          setNumber('timeoutMs', raw, n),
        )}
      </Section>
      <Section title="Error handling">
        <ErrorHandlerForm
          idPrefix="flow-handler"
          value={execution.errorHandler}
          inheritLabel="stop the job"
          onChange={(handler, field) => {
            const next = { ...execution }
            if (handler) next.errorHandler = handler
            else delete next.errorHandler
            set(next, `handler.${field}`)
          }}
        />
      </Section>
      <Section title="History" defaultOpen={false}>
        {numberField('flow-history-size', 'Max records', execution.history?.maxSize, '1000', (raw, n) =>
          setHistory('maxSize', raw, n),
        )}
        {numberField('flow-history-ttl', 'Keep for (ms)', execution.history?.ttlMs, '3600000', (raw, n) =>
          setHistory('ttlMs', raw, n),
        )}
      </Section>
    </div>
  )
}
