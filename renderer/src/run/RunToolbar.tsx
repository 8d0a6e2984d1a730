/**
 * Run controls in the top bar: the entry routine, Start / Pause / Resume / Cancel, the run settings
 * (entry parameters, execution mode, max workers, overlays) and the focused job's status.
 */
import './run-controls.css'
import { useMemo, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { Icon } from '../icons/Icon'
import { useStudioStore } from '../store/StoreProvider'
import { useStudio } from '../store/useStudio'
import { defaultEntry, entryCandidates } from './entry-choice'
import { RunSettings } from './RunSettings'
import { RunStatusChip } from './RunStatusChip'
import { selectControls, selectDescriptors, selectDoc, selectRunForm } from './run-selectors'

export function RunToolbar() {
  const store = useStudioStore()
  const controls = useStudio(useShallow(selectControls))
  const form = useStudio(selectRunForm)
  const doc = useStudio(selectDoc)
  const descriptors = useStudio(selectDescriptors)
  const candidates = useMemo(() => entryCandidates(doc, descriptors), [doc, descriptors])
  const fallback = defaultEntry(candidates)
  const chosen = candidates.find((c) => c.routineId === form.entry) ?? fallback
  const [settingsOpen, setSettingsOpen] = useState(false)
  const s = () => store.getState()
  const canStart = controls.connected && controls.busy === null && candidates.length > 0

  return (
    <div className="run-toolbar" data-testid="run-toolbar">
      <select
        className="input run-entry"
        aria-label="Entry routine"
        title={`The routine the run starts from: ${chosen?.label ?? 'none'}`}
        value={form.entry ?? ''}
        onChange={(e) => s().setRunForm({ entry: e.target.value === '' ? null : e.target.value, slot: null })}
        data-testid="run-entry"
      >
        <option value="">{fallback ? `Default: ${fallback.label}` : 'No entry routine'}</option>
        {candidates.map((c) => (
          <option key={c.routineId} value={c.routineId}>
            {c.label}
          </option>
        ))}
      </select>
      {controls.canResume ? (
        <button
          type="button"
          className="button primary"
          onClick={() => void s().resumeRun()}
          title="Resume (F5, Shift+F5)"
          data-testid="run-resume"
        >
          <Icon name="play" /> Resume
        </button>
      ) : (
        <button
          type="button"
          className="button primary"
          disabled={!canStart}
          onClick={() => void s().startRun()}
          title="Start a run (F5)"
          data-testid="run-start"
        >
          <Icon name="play" /> Run
        </button>
      )}
      <button
        type="button"
        className="icon-button"
        disabled={!controls.canPause || controls.busy !== null}
        onClick={() => void s().pauseRun()}
        title="Pause (F6)"
        aria-label="Pause"
        data-testid="run-pause"
      >
        <Icon name="pause" />
      </button>
      <button
        type="button"
        className="icon-button"
        disabled={!controls.canCancel || controls.busy !== null}
        onClick={() => void s().cancelRun()}
        title="Cancel (Shift+F6)"
        aria-label="Cancel"
        data-testid="run-cancel"
      >
        <Icon name="stop" />
      </button>
      <div className="run-settings-anchor">
        <button
          type="button"
          className={`icon-button${settingsOpen ? ' active' : ''}`}
          aria-expanded={settingsOpen}
          aria-label="Run settings"
          title="Run settings: parameters, mode, workers, overlays"
          onClick={() => setSettingsOpen((open) => !open)}
          data-testid="run-settings-toggle"
        >
          <Icon name="sliders" />
        </button>
        {settingsOpen && <RunSettings candidates={candidates} onClose={() => setSettingsOpen(false)} />}
      </div>
      <RunStatusChip />
    </div>
  )
}
