/**
 * `flow.jobs`: every unfinished job plus the most recent finished ones, so a long-running host does
 * not accumulate jobs without bound.
 */
import type { JobState } from '../job-state'
import { RingQueue } from './ring-queue'

/** How many finished jobs a flow remembers. */
export const FINISHED_JOBS_KEPT = 100

/** Jobs of one flow by id, in creation order. */
export class JobRegistry {
  readonly jobs = new Map<string, JobState>()
  readonly #finished = new RingQueue<JobState>()

  /** Registers a new or resumed job. */
  add(job: JobState): void {
    this.jobs.set(job.jobId, job)
  }

  /** Records that `job` finished and forgets the oldest finished jobs beyond the limit. */
  finished(job: JobState): void {
    this.#finished.push(job)
    while (this.#finished.length > FINISHED_JOBS_KEPT) {
      const old = this.#finished.shift()
      if (old !== undefined && this.jobs.get(old.jobId) === old) this.jobs.delete(old.jobId)
    }
  }
}
