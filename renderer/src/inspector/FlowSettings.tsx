/** Flow-level settings: name, execution mode, workers, error handler, history limits, timeouts. */
import type { ExecutionSpec, FlowDocument } from '../../../engine/document/types'
import { TEXT_LIMITS } from '../document/text-limits'
import { useStudioStore } from '../store/StoreProvider'
import { useStudio } from '../store/useStudio'
import { ErrorHandlerForm } from './ErrorHandlerForm'
import { NumberSetting } from './NumberSetting'
import { EXECUTION_BOUNDS } from './number-bounds'
import { Section } from './Section'

const selectDoc = (s: { doc: FlowDocument }) => s.doc

type NumberKey = 'maxWorkers' | 'handlerTimeoutMs' | 'timeoutMs'

export function FlowSettings() {
  const store = useStudioStore()
  const doc = useStudio(selectDoc)
  const execution = doc.execution
  const set = (next: ExecutionSpec, field: string) =>
    store.getState().setExecution(next, `execution:${field}`)
  const setNumber = (key: NumberKey, n: number | undefined) => {
    const next = { ...execution }
    if (n === undefined) delete next[key]
    else next[key] = n
    set(next, key)
  }
  const setHistory = (key: 'maxSize' | 'ttlMs', n: number | undefined) => {
    const history = { ...(execution.history ?? {}) }
    if (n === undefined) delete history[key]
    else history[key] = n
    const { history: _previous, ...rest } = execution
    set(Object.keys(history).length === 0 ? rest : { ...rest, history }, `history.${key}`)
  }

  return (
    <div className="inspector-body" data-testid="flow-settings">
      <Section title="Flow">
        <div className="form-field">
          <label htmlFor="flow-name">Name</label>
          <input
            id="flow-name"
            className="input"
            maxLength={TEXT_LIMITS.flowName}
            value={doc.name}
            onChange={(e) => store.getState().setFlowInfo({ name: e.target.value }, 'flow:name')}
          />
        </div>
        <div className="form-field">
          <label htmlFor="flow-description">Description</label>
          <textarea
            id="flow-description"
            className="input"
            maxLength={TEXT_LIMITS.flowDescription}
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
        {execution.mode === 'concurrent' && (
          <NumberSetting
            id="flow-workers"
            label="Max workers"
            value={execution.maxWorkers}
            placeholder="4"
            bounds={EXECUTION_BOUNDS.maxWorkers}
            onChange={(n) => setNumber('maxWorkers', n)}
          />
        )}
        <NumberSetting
          id="flow-handler-timeout"
          label="Handler timeout (ms)"
          value={execution.handlerTimeoutMs}
          placeholder="none"
          bounds={EXECUTION_BOUNDS.handlerTimeoutMs}
          onChange={(n) => setNumber('handlerTimeoutMs', n)}
        />
        <NumberSetting
          id="flow-job-timeout"
          label="Job timeout (ms)"
          value={execution.timeoutMs}
          placeholder="none"
          bounds={EXECUTION_BOUNDS.timeoutMs}
          onChange={(n) => setNumber('timeoutMs', n)}
        />
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
        <NumberSetting
          id="flow-history-size"
          label="Max records"
          value={execution.history?.maxSize}
          placeholder="1000"
          bounds={EXECUTION_BOUNDS.maxSize}
          onChange={(n) => setHistory('maxSize', n)}
        />
        <NumberSetting
          id="flow-history-ttl"
          label="Keep for (ms)"
          value={execution.history?.ttlMs}
          placeholder="3600000"
          bounds={EXECUTION_BOUNDS.ttlMs}
          onChange={(n) => setHistory('ttlMs', n)}
        />
      </Section>
    </div>
  )
}
