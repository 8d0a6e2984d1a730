/**
 * Jobs over the engine: builds a flow from the document, starts, pauses, resumes and cancels jobs,
 * feeds their execution events to the streamer, announces job-list changes, and records finished jobs
 * in the persisted history. Live and recently finished jobs are kept in memory (bounded); older ones
 * live on only in the history.
 */
import type { RunOverlay } from '../../../engine/d2/overlay'
import type { ExecutionOverrides } from '../../../engine/document/build-flow'
import type { FlowDocument } from '../../../engine/document/types'
import type { ExecutionEvent } from '../../../engine/events'
import { TERMINAL_EVENT_TYPES } from '../../../engine/events'
import type { Flow } from '../../../engine/flow'
import type { JobState } from '../../../engine/job-state'
import type { MetricsCollector } from '../../../engine/metrics/metrics-collector'
import type { JobErrorEntry, JobLiveState, JobSummary, RequestOf } from '../../ipc/contract'
import { HostErrorCode } from '../../ipc/contract'
import { hostError } from '../../ipc/studio-error'
import type { RegistryManager } from '../registry/registry-manager'
import type { ExecutionStreamer } from '../stream/execution-streamer'
import type { JobHistory } from './job-history'
import { runnableFlow } from './runnable-flow'

/** Finished jobs kept in memory (for details and snapshots) besides the persisted history. */
const KEEP_FINISHED = 20

/** A job this host runs (or ran recently). */
export interface LiveJob {
  readonly job: JobState
  readonly flow: Flow
  readonly document: FlowDocument
  readonly documentName: string
  readonly documentPath: string | null
  readonly entry: string
  readonly restoredFrom: string | null
  /** The run settings the job was started with instead of the document's (kept in its snapshot). */
  readonly overrides: ExecutionOverrides
  readonly unobserve: () => void
}

export interface JobManagerOptions {
  readonly registry: RegistryManager
  readonly streamer: ExecutionStreamer
  readonly history: JobHistory
  readonly metrics: MetricsCollector
  readonly onJobsChanged: () => void
}

export class JobManager {
  readonly #o: JobManagerOptions
  readonly #jobs = new Map<string, LiveJob>()

  constructor(options: JobManagerOptions) {
    this.#o = options
  }

  /** The runnable flow of `document`, recording into the host's metrics like every job the host runs. */
  flowFor(document: FlowDocument, overrides: ExecutionOverrides = {}): Flow {
    return runnableFlow(document, this.#o.registry.registry, { metrics: this.#o.metrics, overrides })
  }

  start(request: RequestOf<'job.start'>): JobSummary {
    const { mode, maxWorkers } = request.options ?? {}
    const overrides = {
      ...(mode !== undefined && { mode }),
      ...(maxWorkers !== undefined && { maxWorkers }),
    }
    const flow = this.flowFor(request.document, overrides)
    const live = this.#adopt(flow, {
      document: request.document,
      documentPath: request.documentPath ?? null,
      entry: request.entry,
      restoredFrom: null,
      overrides,
    })
    const timeoutMs = request.options?.timeoutMs ?? request.document.execution.timeoutMs
    const job = live.start((f) =>
      f.execute(request.entry, request.params, {
        ...(request.slot !== undefined && { slot: request.slot }),
        ...(timeoutMs !== undefined && { timeoutMs }),
      }),
    )
    return this.summary(job.jobId)
  }

  /**
   * Takes over a job restored from a snapshot (paused until resumed); `saved`, the live state and
   * errors saved with the snapshot, lets the overlays and details continue from what they showed.
   */
  restore(
    flow: Flow,
    job: JobState,
    where: {
      document: FlowDocument
      documentPath: string | null
      entry: string
      restoredFrom: string
      overrides: ExecutionOverrides
    },
    saved: {
      counters?: JobLiveState | undefined
      errors?: readonly JobErrorEntry[] | undefined
      /** Ids of the deliveries queued in the snapshot (announced again when the job resumes). */
      pending?: readonly number[]
    } = {},
  ): JobSummary {
    const existing = this.#jobs.get(job.jobId)
    if (existing && !existing.job.finished) {
      throw hostError(HostErrorCode.FILE_EXISTS, `Job ${job.jobId} is already live in this studio`)
    }
    if (existing) {
      // The earlier run of this job ended here: the restored one starts from the snapshot alone.
      existing.unobserve()
      this.#o.streamer.forget(job.jobId)
    }
    this.#adopt(flow, where).attach(job)
    const aggregate = this.#o.streamer.aggregate(job.jobId)
    if (saved.counters) {
      aggregate?.seed(saved.counters, job.status, {
        ...(saved.errors && { errors: saved.errors }),
        ...(saved.pending && { pending: saved.pending }),
      })
    }
    return this.summary(job.jobId)
  }

  async pause(jobId: string): Promise<JobSummary> {
    const live = this.live(jobId)
    await live.flow.pause(live.job)
    return this.summary(jobId)
  }

  resume(jobId: string): JobSummary {
    const live = this.live(jobId)
    live.flow.resume(live.job)
    return this.summary(jobId)
  }

  cancel(jobId: string): JobSummary {
    const live = this.live(jobId)
    live.flow.cancel(live.job)
    return this.summary(jobId)
  }

  /** Live and recent jobs, then the persisted history; newest first. */
  list(): JobSummary[] {
    const live = [...this.#jobs.keys()].map((id) => this.summary(id))
    const seen = new Set(live.map((j) => j.jobId))
    const past = this.#o.history
      .list()
      .map((j) => j.summary)
      .filter((s) => !seen.has(s.jobId))
    return [...live, ...past].sort((a, b) => b.startedAt - a.startedAt)
  }

  /** A job held in memory; throws `NOT_FOUND` otherwise. */
  live(jobId: string): LiveJob {
    const live = this.#jobs.get(jobId)
    if (!live) throw hostError(HostErrorCode.NOT_FOUND, `No live job ${jobId}`)
    return live
  }

  /** The live job, if held in memory. */
  find(jobId: string): LiveJob | undefined {
    return this.#jobs.get(jobId)
  }

  summary(jobId: string): JobSummary {
    const live = this.#jobs.get(jobId)
    if (!live) {
      const past = this.#o.history.get(jobId)
      if (!past) throw hostError(HostErrorCode.NOT_FOUND, `No job ${jobId}`)
      return past.summary
    }
    const { job } = live
    const totals = this.#o.streamer.aggregate(jobId)?.totals()
    let runs = 0
    let errors = 0
    for (const state of Object.values(job.routineStates)) {
      runs += state.runs
      errors += state.errors
    }
    const startedAt = job.startedAt ?? job.createdAt
    const endedAt = job.endedAt ?? null
    return {
      jobId,
      flowId: job.flowId,
      documentName: live.documentName,
      documentPath: live.documentPath,
      entry: live.entry,
      status: job.status,
      startedAt,
      endedAt,
      durationMs: endedAt === null ? null : endedAt - startedAt,
      error: job.error ?? null,
      live: true,
      restoredFrom: live.restoredFrom,
      counts: { runs, errors, deliveries: totals?.deliveries ?? 0 },
    }
  }

  /** The live aggregates of a job (saved with its snapshot), if the streamer still has them. */
  counters(jobId: string): JobLiveState | undefined {
    return this.#o.streamer.aggregate(jobId)?.live()
  }

  /** The errors of a job so far (saved with its snapshot). */
  errors(jobId: string): JobErrorEntry[] {
    return this.#o.streamer.aggregate(jobId)?.errors() ?? []
  }

  /** Statuses and counts of a job for a D2 run overlay. */
  overlay(jobId: string): RunOverlay {
    const live = this.#jobs.get(jobId)
    const aggregate = this.#o.streamer.aggregate(jobId)?.live()
    const routines = live?.job.routineStates ?? this.#o.history.get(jobId)?.routineStates
    if (!routines) throw hostError(HostErrorCode.NOT_FOUND, `No job ${jobId}`)
    return {
      jobStatus: live?.job.status ?? this.summary(jobId).status,
      routines,
      ...(aggregate && { connections: aggregate.connections }),
    }
  }

  /** Forgets finished jobs, in memory and in the persisted history. */
  clearFinished(): void {
    for (const [jobId, live] of this.#jobs) {
      if (!live.job.finished) continue
      live.unobserve()
      this.#jobs.delete(jobId)
      this.#o.streamer.forget(jobId)
    }
    this.#o.history.clear()
    this.#o.onJobsChanged()
  }

  /** Cancels running jobs and writes the history (host shutdown). */
  async close(): Promise<void> {
    for (const live of this.#jobs.values()) {
      if (!live.job.finished && live.job.status !== 'paused') live.flow.cancel(live.job)
      live.unobserve()
    }
    await this.#o.history.flush()
  }

  #adopt(
    flow: Flow,
    where: {
      document: FlowDocument
      documentPath: string | null
      entry: string
      restoredFrom: string | null
      overrides: ExecutionOverrides
    },
  ) {
    const onEvent = (event: ExecutionEvent) => {
      this.#o.streamer.observe(event)
      if (event.type === 'jobPaused' || event.type === 'jobResumed') this.#o.onJobsChanged()
      if (TERMINAL_EVENT_TYPES.has(event.type)) queueMicrotask(() => this.#finished(event.jobId))
    }
    const unobserve = flow.observe(onEvent)
    const register = (job: JobState): JobState => {
      const name = where.document.name || where.document.id
      this.#jobs.set(job.jobId, { ...where, job, flow, documentName: name, unobserve })
      this.#o.streamer.track(job.jobId, job.flowId, job.startedAt ?? job.createdAt)
      this.#o.onJobsChanged()
      return job
    }
    return {
      start: (execute: (f: Flow) => JobState): JobState => {
        try {
          return register(execute(flow))
        } catch (error) {
          unobserve()
          throw error
        }
      },
      attach: (job: JobState): JobState => register(job),
    }
  }

  /** Writes a job held in memory to the persisted history; `extra` adds to its summary. */
  persist(jobId: string, extra: Pick<JobSummary, 'snapshot'> = {}): void {
    const live = this.live(jobId)
    this.#o.history.record({
      summary: { ...this.summary(jobId), live: false, ...extra },
      routineStates: structuredClone(live.job.routineStates),
      errors: this.errors(jobId),
    })
  }

  #finished(jobId: string): void {
    if (!this.#jobs.has(jobId)) return
    this.persist(jobId)
    const finished = [...this.#jobs.values()].filter((j) => j.job.finished)
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) {
      old.unobserve()
      this.#jobs.delete(old.job.jobId)
    }
    this.#o.onJobsChanged()
  }
}
