/**
 * Run-control actions of the run slice: start, pause, resume and cancel through the bridge; the job
 * list; snapshots; the Prometheus endpoint; and reads for the run panel.
 */
import type { JobSummary, StudioBridge } from '../../../electron/ipc/contract'
import { errorMessage } from '../store/files-slice'
import type { StoreDeps, StudioState, StudioStore } from '../store/state'
import type { RunBusy, RunSlice } from '../store/state-run'
import { defaultEntry, entryCandidates, entrySlot } from './entry-choice'
import { isTerminal } from './job-track'
import { parseMaxWorkers, parseRunParams } from './run-params'

type RunActions = Pick<
  RunSlice,
  | 'startRun'
  | 'pauseRun'
  | 'resumeRun'
  | 'cancelRun'
  | 'setJobs'
  | 'refreshJobs'
  | 'clearFinishedJobs'
  | 'loadJobDetail'
  | 'loadTimeline'
  | 'saveSnapshot'
  | 'refreshSnapshots'
  | 'restoreSnapshot'
  | 'refreshMetricsEndpoint'
  | 'setMetricsEndpoint'
>

const DISCONNECTED = { code: 'DISCONNECTED', message: 'No host is connected.' }

/** The job the Pause/Resume/Cancel controls act on: the focused one, when it is not finished. */
export function controlledJob(s: Pick<StudioState, 'overlayJobId' | 'focusInfo' | 'jobs'>): {
  jobId: string
  status: JobSummary['status']
} | null {
  if (s.overlayJobId === null) return null
  const status = s.focusInfo?.status ?? s.jobs.find((j) => j.jobId === s.overlayJobId)?.status
  if (status === undefined || isTerminal(status)) return null
  return { jobId: s.overlayJobId, status }
}

export function createRunActions(
  set: StudioStore['setState'],
  get: () => StudioState,
  { bridge }: StoreDeps,
): RunActions {
  const need = (): StudioBridge => {
    if (!bridge) throw DISCONNECTED
    return bridge
  }

  /** Runs one control call with the busy flag set; failures become an error toast. */
  const control = async <T>(
    busy: Exclude<RunBusy, null>,
    what: string,
    fn: () => Promise<T>,
  ): Promise<T | null> => {
    if (get().runBusy !== null) return null
    set({ runBusy: busy })
    try {
      return await fn()
    } catch (error) {
      get().notify(`${what}: ${errorMessage(error)}`, 'error')
      return null
    } finally {
      set({ runBusy: null })
    }
  }

  const onJob =
    (verb: 'pause' | 'resume' | 'cancel', allowed: readonly JobSummary['status'][], label: string) =>
    async (): Promise<void> => {
      const target = controlledJob(get())
      if (!target || !allowed.includes(target.status)) return
      await control(verb, `Could not ${label} the job`, async () => {
        const method = verb === 'pause' ? 'job.pause' : verb === 'resume' ? 'job.resume' : 'job.cancel'
        const { job } = await need().call(method, { jobId: target.jobId })
        get().setJobs(upsert(get().jobs, job))
      })
    }

  return {
    async startRun() {
      const s = get()
      const candidates = entryCandidates(s.doc, s.descriptors)
      const entry =
        (s.runForm.entry !== null ? candidates.find((c) => c.routineId === s.runForm.entry) : undefined) ??
        defaultEntry(candidates)
      if (!entry) {
        s.notify('This flow has no routine to start from: add a Manual Trigger.', 'error')
        return null
      }
      const params = parseRunParams(s.runForm.paramsText)
      if (!params.ok) {
        s.notify(params.message, 'error')
        return null
      }
      const workers = parseMaxWorkers(s.runForm.maxWorkers)
      if (!workers.ok) {
        s.notify(workers.message, 'error')
        return null
      }
      const slot =
        s.runForm.slot !== null && entry.slots.includes(s.runForm.slot) ? s.runForm.slot : entrySlot(entry)
      const options = {
        ...(s.runForm.mode !== 'document' && { mode: s.runForm.mode }),
        ...(workers.value !== null && { maxWorkers: workers.value }),
      }
      const job = await control('start', 'Could not start the run', async () => {
        const response = await need().call('job.start', {
          document: s.doc,
          documentPath: s.docPath,
          entry: entry.routineId,
          slot,
          params: params.params,
          ...(Object.keys(options).length > 0 && { options }),
        })
        return response.job
      })
      if (!job) return null
      get().setJobs(upsert(get().jobs, job))
      get().togglePanel('runPanel', true)
      if (get().overlayJobId !== job.jobId) await get().focusJob(job.jobId)
      return job.jobId
    },
    pauseRun: onJob('pause', ['running'], 'pause'),
    resumeRun: onJob('resume', ['paused'], 'resume'),
    cancelRun: onJob('cancel', ['running', 'paused'], 'cancel'),

    setJobs(jobs) {
      set({ jobs })
    },
    async refreshJobs() {
      if (!bridge) return
      try {
        set({ jobs: (await bridge.call('job.list', {})).jobs })
      } catch (error) {
        get().notify(`Could not list jobs: ${errorMessage(error)}`, 'error')
      }
    },
    async clearFinishedJobs() {
      try {
        await need().call('job.clearFinished', {})
        await get().refreshJobs()
      } catch (error) {
        get().notify(`Could not clear finished jobs: ${errorMessage(error)}`, 'error')
      }
    },
    loadJobDetail: (jobId) => need().call('job.get', { jobId }),
    loadTimeline: async (jobId) => (await need().call('job.timeline', { jobId })).spans,

    async saveSnapshot() {
      const jobId = get().overlayJobId
      if (jobId === null) return null
      const info = await control('snapshot', 'Could not save the snapshot', () =>
        need().call('snapshot.save', { jobId }),
      )
      if (!info) return null
      get().notify(`Snapshot saved: ${info.path} (${info.pendingDeliveries} pending deliveries)`)
      await get().refreshSnapshots()
      return info
    },
    async refreshSnapshots() {
      if (!bridge) return
      try {
        set({ snapshots: (await bridge.call('snapshot.list', {})).snapshots })
      } catch (error) {
        get().notify(`Could not list snapshots: ${errorMessage(error)}`, 'error')
      }
    },
    async restoreSnapshot(path) {
      const job = await control('restore', 'Could not restore the snapshot', async () => {
        return (await need().call('snapshot.restore', { path })).job
      })
      if (!job) return null
      get().setJobs(upsert(get().jobs, job))
      await get().focusJob(job.jobId)
      if (job.flowId !== get().doc.id)
        get().notify(
          `Restored job ${job.jobId} runs "${job.documentName}"; open that flow to see its overlays.`,
        )
      else get().notify(`Restored job ${job.jobId} (paused). Resume it to finish the run.`)
      return job.jobId
    },
    async refreshMetricsEndpoint() {
      if (!bridge) return
      try {
        set({ metricsEndpoint: await bridge.call('metrics.endpoint', {}) })
      } catch (error) {
        get().notify(`Could not read the metrics endpoint: ${errorMessage(error)}`, 'error')
      }
    },
    async setMetricsEndpoint(enabled) {
      try {
        set({ metricsEndpoint: await need().call('metrics.setEndpoint', { enabled }) })
      } catch (error) {
        get().notify(`Could not ${enabled ? 'serve' : 'stop'} /metrics: ${errorMessage(error)}`, 'error')
      }
    },
  }
}

/** The job list with `job` put in (replacing the row of the same id, or first). */
function upsert(jobs: readonly JobSummary[], job: JobSummary): readonly JobSummary[] {
  const index = jobs.findIndex((j) => j.jobId === job.jobId)
  if (index === -1) return [job, ...jobs]
  const next = jobs.slice()
  next[index] = job
  return next
}
