/** The run settings popover: entry slot, entry parameters, mode and workers override, overlays. */
import { lazy, Suspense, useEffect, useRef } from 'react'
import { useStudioStore } from '../store/StoreProvider'
import { useStudio } from '../store/useStudio'
import { defaultEntry, type EntryCandidate, entrySlot } from './entry-choice'
import { parseMaxWorkers } from './run-params'
import { selectDoc, selectKeepOverlays, selectRunForm } from './run-selectors'

const RunParamsEditor = lazy(() => import('./RunParamsEditor').then((m) => ({ default: m.RunParamsEditor })))

interface RunSettingsProps {
  candidates: readonly EntryCandidate[]
  onClose: () => void
}

export function RunSettings({ candidates, onClose }: RunSettingsProps) {
  const store = useStudioStore()
  const form = useStudio(selectRunForm)
  const keep = useStudio(selectKeepOverlays)
  const doc = useStudio(selectDoc)
  const root = useRef<HTMLDivElement>(null)
  const s = () => store.getState()
  const entry = candidates.find((c) => c.routineId === form.entry) ?? defaultEntry(candidates)
  const workers = parseMaxWorkers(form.maxWorkers)

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose()
    }
    const onDown = (event: MouseEvent) => {
      const target = event.target as Element | null
      if (root.current?.contains(target) || target?.closest?.('.run-settings-anchor')) return
      onClose()
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('mousedown', onDown)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('mousedown', onDown)
    }
  }, [onClose])

  return (
    <div
      className="run-settings"
      ref={root}
      role="dialog"
      aria-label="Run settings"
      data-testid="run-settings"
    >
      <label className="run-field">
        <span>Entry slot</span>
        <select
          className="input"
          value={form.slot ?? ''}
          disabled={!entry || entry.slots.length < 2}
          onChange={(e) => s().setRunForm({ slot: e.target.value === '' ? null : e.target.value })}
        >
          <option value="">{entry ? entrySlot(entry) : '—'}</option>
          {entry?.slots.map((slot) => (
            <option key={slot} value={slot}>
              {slot}
            </option>
          ))}
        </select>
      </label>
      <div className="run-field">
        <span>Entry parameters (JSON object)</span>
        <Suspense fallback={<div className="muted small">Loading the editor…</div>}>
          <RunParamsEditor text={form.paramsText} onChange={(paramsText) => s().setRunForm({ paramsText })} />
        </Suspense>
      </div>
      <div className="run-field-row">
        <label className="run-field">
          <span>Execution mode</span>
          <select
            className="input"
            value={form.mode}
            onChange={(e) => s().setRunForm({ mode: e.target.value as typeof form.mode })}
            data-testid="run-mode"
          >
            <option value="document">As in the flow ({doc.execution.mode})</option>
            <option value="sequential">Sequential</option>
            <option value="concurrent">Concurrent</option>
          </select>
        </label>
        <label className="run-field">
          <span>Max workers</span>
          <input
            className="input"
            inputMode="numeric"
            placeholder={String(doc.execution.maxWorkers ?? (doc.execution.mode === 'concurrent' ? 4 : 1))}
            value={form.maxWorkers}
            onChange={(e) => s().setRunForm({ maxWorkers: e.target.value })}
            data-testid="run-workers"
          />
        </label>
      </div>
      {!workers.ok && <div className="field-error">{workers.message}</div>}
      <label className="run-check">
        <input
          type="checkbox"
          checked={keep}
          onChange={(e) => s().setKeepOverlays(e.target.checked)}
          data-testid="run-keep-overlays"
        />
        Keep overlays on the canvas after a run
      </label>
      <div className="run-settings-footer">
        <button type="button" className="button" onClick={() => s().clearOverlays()}>
          Clear overlays
        </button>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  )
}
