/** Store selectors of the run views (module scope, so their identity never changes). */
import type { StudioState } from '../store/state'
import { controlledJob } from './run-actions'

/** What the run buttons need: which actions make sense now. */
export const selectControls = (s: StudioState) => {
  // Without the host the job's state is unknown (and any call would fail): no control applies.
  const connected = s.bridgeStatus === 'connected'
  const target = connected ? controlledJob(s) : null
  return {
    busy: s.runBusy,
    canPause: target?.status === 'running',
    canResume: target?.status === 'paused',
    canCancel: target !== null,
    connected,
  }
}

export const selectFocusInfo = (s: StudioState) => s.focusInfo
export const selectFocusRunning = (s: StudioState) => s.focusInfo?.status === 'running'
export const selectFocusStatus = (s: StudioState) => s.focusInfo?.status ?? null
export const selectFocusEndedAt = (s: StudioState) => s.focusInfo?.endedAt ?? null
export const selectFocusInfoId = (s: StudioState) => s.focusInfo?.jobId ?? null
export const selectFocusId = (s: StudioState) => s.overlayJobId
export const selectRunForm = (s: StudioState) => s.runForm
export const selectJobs = (s: StudioState) => s.jobs
export const selectEventLog = (s: StudioState) => s.eventLog
export const selectDroppedEvents = (s: StudioState) => s.droppedEvents
export const selectRunPanelTab = (s: StudioState) => s.runPanelTab
export const selectKeepOverlays = (s: StudioState) => s.keepOverlays
export const selectSnapshots = (s: StudioState) => s.snapshots
export const selectMetricsEndpoint = (s: StudioState) => s.metricsEndpoint
export const selectDoc = (s: StudioState) => s.doc
export const selectDescriptors = (s: StudioState) => s.descriptors
export const selectMetricsCapable = (s: StudioState) => s.appInfo?.capabilities.metricsEndpoint ?? false
/** The routine ids of the open flow, for filters and the timeline's row order. */
export const selectRoutineIds = (s: StudioState) => s.doc.routines
