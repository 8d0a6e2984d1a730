/**
 * Paused jobs outlive the studio. When the host shuts down, each paused job is saved as a snapshot in
 * the app-data folder (`@snapshots/<job>-paused.json`, replaced at every shutdown) and kept in the job
 * history as paused, naming that snapshot. After a restart the job list still shows it; resuming or
 * cancelling it restores the snapshot first, so it continues with nothing lost or repeated.
 */
import type { JobSummary } from '../../ipc/contract'
import type { JobHistory } from './job-history'
import type { JobManager } from './job-manager'
import { APP_SNAPSHOTS, type SnapshotStore } from './snapshot-store'

export class PausedJobs {
  readonly #jobs: JobManager
  readonly #snapshots: SnapshotStore
  readonly #history: JobHistory
  readonly #log: (message: string) => void

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

  /** Saves every paused job and lists it in the history (host shutdown). */
  async keep(): Promise<void> {
    for (const summary of this.#jobs.list()) {
      if (!summary.live || summary.status !== 'paused') continue
      try {
        const saved = await this.#snapshots.save(
          summary.jobId,
          `${APP_SNAPSHOTS}${summary.jobId}-paused.json`,
        )
        this.#jobs.persist(summary.jobId, { snapshot: saved.path })
      } catch (error) {
        this.#log(`Could not keep paused job ${summary.jobId}: ${String(error)}`)
      }
    }
  }

  /** Resumes a job, restoring it first when it was left paused by an earlier run. */
  async resume(jobId: string): Promise<JobSummary> {
    await this.#restoreIfKept(jobId)
    return this.#jobs.resume(jobId)
  }

  /** Cancels a job, restoring it first when it was left paused by an earlier run. */
  async cancel(jobId: string): Promise<JobSummary> {
    await this.#restoreIfKept(jobId)
    return this.#jobs.cancel(jobId)
  }

  async #restoreIfKept(jobId: string): Promise<void> {
    if (this.#jobs.find(jobId)) return
    const snapshot = this.#history.get(jobId)?.summary.snapshot
    if (snapshot !== undefined) await this.#snapshots.restore(snapshot)
  }
}
