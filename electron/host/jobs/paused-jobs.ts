/**
 * Paused jobs outlive the studio. When the host shuts down, each paused job is kept as a snapshot in
 * the app-data folder and listed in the job history as paused, naming that snapshot; after a restart
 * resuming or cancelling it restores the snapshot first, so it continues with nothing lost or
 * repeated. A job that already matches a snapshot in the app-data folder (saved, or restored, while
 * paused and not resumed since) keeps that one; others are saved as `@snapshots/<job>-paused.json`.
 */
import type { JobSummary, SnapshotInfo } from '../../ipc/contract'
import type { JobHistory } from './job-history'
import type { JobManager } from './job-manager'
import { APP_SNAPSHOTS, type SnapshotStore } from './snapshot-store'

export class PausedJobs {
  readonly #jobs: JobManager
  readonly #snapshots: SnapshotStore
  readonly #history: JobHistory
  readonly #log: (message: string) => void
  /** Snapshots in the app-data folder that still match a paused job exactly. */
  readonly #current = new Map<string, string>()

  constructor(
    jobs: JobManager,
    snapshots: SnapshotStore,
    history: JobHistory,
    log: (message: string) => void,
  ) {
    this.#jobs = jobs
    this.#snapshots = snapshots
    this.#history = history
    this.#log = log
  }

  /** Saves a job's snapshot (`snapshot.save`). */
  async save(jobId: string, path: string | undefined): Promise<SnapshotInfo> {
    const info = await this.#snapshots.save(jobId, path)
    if (info.status === 'paused' && info.path.startsWith(APP_SNAPSHOTS)) this.#current.set(jobId, info.path)
    return info
  }

  /** Restores a snapshot as a paused job (`snapshot.restore`). */
  async restore(path: string): Promise<JobSummary> {
    const job = await this.#snapshots.restore(path)
    if (job.status === 'paused' && path.startsWith(APP_SNAPSHOTS)) this.#current.set(job.jobId, path)
    return job
  }

  /** Resumes a job, restoring it first when it was left paused by an earlier run. */
  async resume(jobId: string): Promise<JobSummary> {
    await this.#restoreIfKept(jobId)
    const summary = this.#jobs.resume(jobId)
    await this.#dropKept(jobId)
    return summary
  }

  /** Cancels a job, restoring it first when it was left paused by an earlier run. */
  async cancel(jobId: string): Promise<JobSummary> {
    await this.#restoreIfKept(jobId)
    const summary = this.#jobs.cancel(jobId)
    await this.#dropKept(jobId)
    return summary
  }

  /** Keeps every paused job as a snapshot and lists it in the history (host shutdown). */
  async keep(): Promise<void> {
    for (const summary of this.#jobs.list()) {
      if (!summary.live || summary.status !== 'paused') continue
      try {
        const snapshot =
          this.#current.get(summary.jobId) ??
          (await this.#snapshots.save(summary.jobId, keptPath(summary.jobId))).path
        this.#jobs.persist(summary.jobId, { snapshot })
      } catch (error) {
        this.#log(`Could not keep paused job ${summary.jobId}: ${String(error)}`)
      }
    }
  }

  /**
   * The job goes on (or ends) live, so the snapshot the studio kept for it is spent: restoring it
   * later would run the rest of the job a second time. Snapshots the user saved stay.
   */
  async #dropKept(jobId: string): Promise<void> {
    const path = this.#current.get(jobId)
    this.#current.delete(jobId)
    if (path !== keptPath(jobId)) return
    await this.#snapshots.remove(path).catch((error: unknown) => {
      this.#log(`Could not delete the spent snapshot ${path}: ${String(error)}`)
    })
  }

  async #restoreIfKept(jobId: string): Promise<void> {
    if (this.#jobs.find(jobId)) return
    const snapshot = this.#history.get(jobId)?.summary.snapshot
    if (snapshot !== undefined) await this.restore(snapshot)
  }
}

/** The snapshot the studio keeps for a job still paused when it closes. */
function keptPath(jobId: string): string {
  return `${APP_SNAPSHOTS}${jobId}-paused.json`
}
