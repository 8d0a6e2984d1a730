/**
 * Read-only views of a job for the run panel: details (routine states, shared data, output log,
 * errors, live aggregates), pages of its execution history, its recent events and its timeline.
 * Live jobs answer from the engine and the streamer; older ones from the persisted history.
 */
import type { EventPage, HistoryPage, JobDetail, TimelineSpan } from '../../ipc/contract'
import { HostErrorCode } from '../../ipc/contract'
import { hostError } from '../../ipc/studio-error'
import type { ExecutionStreamer } from '../stream/execution-streamer'
import { truncatePayload } from '../stream/truncate'
import type { JobHistory } from './job-history'
import type { JobManager } from './job-manager'

/** Output-log lines returned by `job.get`. */
const MAX_OUTPUT = 1000

export class JobDetails {
  readonly #jobs: JobManager
  readonly #streamer: ExecutionStreamer
  readonly #history: JobHistory

  constructor(jobs: JobManager, streamer: ExecutionStreamer, history: JobHistory) {
    this.#jobs = jobs
    this.#streamer = streamer
    this.#history = history
  }

  get(jobId: string): JobDetail {
    const live = this.#jobs.find(jobId)
    const aggregate = this.#streamer.aggregate(jobId)
    if (!live) {
      const past = this.#history.get(jobId)
      if (!past) throw hostError(HostErrorCode.NOT_FOUND, `No job ${jobId}`)
      return {
        summary: past.summary,
        routineStates: past.routineStates,
        shared: {},
        output: [],
        errors: past.errors,
        live: aggregate?.live() ?? null,
        historySize: 0,
      }
    }
    const output = live.job.outputLog
    return {
      summary: this.#jobs.summary(jobId),
      routineStates: live.job.routineStates,
      shared: truncatePayload(live.job.shared),
      output: output.slice(Math.max(0, output.length - MAX_OUTPUT)).map((entry) => ({
        ...entry,
        ...(entry.data !== undefined && { data: truncatePayload(entry.data) }),
      })),
      errors: aggregate?.errors() ?? [],
      live: aggregate?.live() ?? null,
      historySize: live.job.history.length,
    }
  }

  history(jobId: string, offset: number, limit: number): HistoryPage {
    const records = this.#jobs.live(jobId).job.history
    return {
      total: records.length,
      offset,
      records: records.slice(offset, offset + limit).map((r) => ({ ...r, data: truncatePayload(r.data) })),
    }
  }

  events(jobId: string, afterSeq: number | undefined, limit: number | undefined): EventPage {
    const aggregate = this.#streamer.aggregate(jobId)
    if (!aggregate) throw hostError(HostErrorCode.NOT_FOUND, `No recent events for job ${jobId}`)
    return aggregate.events(afterSeq, limit ?? 1000)
  }

  timeline(jobId: string): TimelineSpan[] {
    const aggregate = this.#streamer.aggregate(jobId)
    if (!aggregate) throw hostError(HostErrorCode.NOT_FOUND, `No timeline for job ${jobId}`)
    return aggregate.timeline()
  }
}
