/**
 * Live execution in the store. Every job update from the host's batches is folded into a bounded
 * set of job tracks (outside React state); only the focused job's track is published, once per
 * batch, as Maps whose unchanged entries keep their identity, so each node and edge re-renders
 * only when its own numbers change.
 */

import type { RoutineLive } from '../../../electron/ipc/contract'
import { trackFromDetail } from '../run/history-overlay'
import {
  type ConnectionOverlay,
  emptyTrack,
  type JobTrack,
  mergeLiveState,
  sweepTrack,
  withFetchedEvents,
  withIdleRoutines,
} from '../run/job-track'
import { createRunActions } from '../run/run-actions'
import { TrackStore } from '../run/track-store'
import { errorMessage } from './files-slice'
import type { SliceCreator } from './state'
import type { RunSlice } from './state-run'

const NO_ROUTINES: ReadonlyMap<string, RoutineLive> = new Map()
const NO_CONNECTIONS: ReadonlyMap<string, ConnectionOverlay> = new Map()
/** The run state when no job is shown: no overlays, no events. */
const NO_FOCUS = {
  overlayJobId: null,
  focusInfo: null,
  routineLive: NO_ROUTINES,
  connectionLive: NO_CONNECTIONS,
  eventLog: [],
  droppedEvents: 0,
} as const satisfies Partial<RunSlice>

export const createRunSlice: SliceCreator<RunSlice> = (set, get, _store, deps) => {
  const { bridge, now } = deps
  const tracks = new TrackStore()
  /** The user cleared the focused job's overlays. */
  let cleared = false
  /** Local clock minus host clock, from the last batch (the sweep timer runs on the local clock). */
  let clockSkew = 0

  /** The last overlay map with idle entries, kept while the track's map and the document stay the same. */
  let idle:
    | { source: ReadonlyMap<string, RoutineLive>; doc: unknown; result: ReadonlyMap<string, RoutineLive> }
    | undefined
  const withIdle = (routines: ReadonlyMap<string, RoutineLive>) => {
    const doc = get().doc
    if (idle?.source !== routines || idle.doc !== doc) {
      idle = {
        source: routines,
        doc,
        result: withIdleRoutines(
          routines,
          doc.routines.map((r) => r.id),
        ),
      }
    }
    return idle.result
  }

  /** Publishes `track` as the focused job's state. */
  const publish = (track: JobTrack) => {
    const s = get()
    const show = !cleared && (s.keepOverlays || !track.info.final) && track.info.flowId === s.doc.id
    set({
      focusInfo: track.info.hostTime > 0 || track.info.final ? track.info : null,
      routineLive: show ? withIdle(track.routines) : NO_ROUTINES,
      connectionLive: show ? track.connections : NO_CONNECTIONS,
      eventLog: track.events,
      droppedEvents: track.droppedEvents,
    })
  }

  const republish = () => {
    const id = get().overlayJobId
    const track = id === null ? undefined : tracks.get(id)
    if (track) publish(track)
  }

  const focusJob = async (jobId: string | null): Promise<void> => {
    cleared = false
    if (jobId === null) {
      set(NO_FOCUS)
      return
    }
    set({ overlayJobId: jobId })
    publish(tracks.get(jobId) ?? emptyTrack(jobId))
    if (!bridge) return
    try {
      const detail = await bridge.call('job.get', { jobId })
      const current = tracks.get(jobId)
      const track = detail.live
        ? mergeLiveState(current, detail.live, now())
        : (current ?? trackFromDetail(detail))
      tracks.set(track)
      if (get().overlayJobId === jobId) publish(track)
      if (track.events.length === 0 && detail.live) await get().loadRecentEvents()
    } catch (error) {
      get().notify(`Could not load job ${jobId}: ${errorMessage(error)}`, 'error')
    }
  }

  return {
    ...NO_FOCUS,
    keepOverlays: true,
    jobs: [],
    runForm: { entry: null, slot: null, paramsText: '{}', mode: 'document', maxWorkers: '' },
    runBusy: null,
    runPanelTab: 'jobs',
    snapshots: [],
    metricsEndpoint: null,

    applyBatch(batch, receivedAt = now()) {
      get().applyBatches([{ batch, receivedAt }])
    },
    applyBatches(batches) {
      let focused: JobTrack | undefined
      for (const { batch, receivedAt } of batches) {
        clockSkew = receivedAt - batch.time
        for (const update of batch.jobs) {
          const isNew = tracks.get(update.jobId) === undefined
          const track = tracks.apply(update, batch.time, receivedAt)
          const s = get()
          if (update.jobId === s.overlayJobId) focused = track
          else if (isNew && update.flowId === s.doc.id && followsNewJobs(s.overlayJobId, tracks)) {
            cleared = false
            set({ overlayJobId: update.jobId })
            focused = track
          }
        }
      }
      const id = get().overlayJobId
      if (focused && focused.info.jobId === id) publish(tracks.get(id) ?? focused)
    },
    applyJobUpdate(update, hostTime = update.endedAt ?? now(), receivedAt = now()) {
      get().applyBatch({ seq: 0, time: hostTime, jobs: [update] }, receivedAt)
    },
    sweepOverlays(at = now()) {
      const id = get().overlayJobId
      const track = id === null ? undefined : tracks.get(id)
      if (track) {
        const swept = sweepTrack(track, at - clockSkew)
        if (swept === track) return
        tracks.set(swept)
        publish(swept)
      }
    },
    syncOverlays: republish,
    focusJob,
    clearOverlays() {
      cleared = true
      set({ routineLive: NO_ROUTINES, connectionLive: NO_CONNECTIONS })
    },
    setKeepOverlays(keepOverlays) {
      set({ keepOverlays })
      republish()
    },
    setRunForm(patch) {
      set({ runForm: { ...get().runForm, ...patch } })
    },
    setRunPanelTab(runPanelTab) {
      set({ runPanelTab })
    },
    seriesOf(jobId) {
      return tracks.series(jobId)
    },
    async loadRecentEvents() {
      const jobId = get().overlayJobId
      if (!bridge || jobId === null) return null
      const page = await bridge.call('job.events', { jobId, limit: 5000 })
      const track = tracks.get(jobId)
      if (track) {
        const next = withFetchedEvents(track, page.events)
        tracks.set(next)
        if (get().overlayJobId === jobId) publish(next)
      }
      return page
    },
    ...createRunActions(set, get, deps),
  }
}

/** A new job of the open flow takes the focus when nothing is focused or the focused job ended. */
function followsNewJobs(focusId: string | null, tracks: TrackStore): boolean {
  if (focusId === null) return true
  return tracks.get(focusId)?.info.final ?? false
}
