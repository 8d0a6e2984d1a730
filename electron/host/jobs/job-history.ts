/**
 * Finished jobs, and jobs left paused when the studio closed (with the snapshot they were saved to),
 * persisted across restarts in `<app-data>/jobs/history.json`: each job's summary, its routine states
 * and its errors, for the most recent 200 jobs. Writes are coalesced (one per second at
 * most) and atomic.
 */
import { z } from 'zod'
import type { RoutineState } from '../../../engine/types'
import type { JobErrorEntry, JobSummary } from '../../ipc/contract'
import { readJsonFile, writeJsonFile } from '../files/json-file'

/** Jobs kept in the persisted history. */
export const MAX_HISTORY = 200

export interface PersistedJob {
  readonly summary: JobSummary
  readonly routineStates: Record<string, RoutineState>
  readonly errors: JobErrorEntry[]
}

const fileSchema = z.object({
  version: z.literal(1),
  jobs: z.array(
    z.object({
      summary: z.looseObject({ jobId: z.string(), status: z.string(), startedAt: z.number() }),
      routineStates: z.record(z.string(), z.looseObject({})),
      errors: z.array(z.looseObject({})),
    }),
  ),
})

export class JobHistory {
  readonly #file: string
  readonly #onError: (error: unknown) => void
  #jobs: PersistedJob[] = []
  #timer: ReturnType<typeof setTimeout> | undefined
  #writing: Promise<void> = Promise.resolve()

  constructor(file: string, onError: (error: unknown) => void) {
    this.#file = file
    this.#onError = onError
  }

  async load(): Promise<void> {
    const parsed = fileSchema.safeParse(
      await readJsonFile(this.#file, { version: 1, jobs: [] }, this.#onError),
    )
    // The schema checks the envelope; entries were written by this module, so their shape is trusted.
    this.#jobs = parsed.success
      ? (parsed.data.jobs as unknown as PersistedJob[]).map((job) => ({
          ...job,
          summary: { ...job.summary, live: false },
        }))
      : []
  }

  list(): PersistedJob[] {
    return this.#jobs
  }

  get(jobId: string): PersistedJob | undefined {
    return this.#jobs.find((job) => job.summary.jobId === jobId)
  }

  /** Records (or replaces) a finished job; the oldest entries beyond the bound are dropped. */
  record(job: PersistedJob): void {
    this.#jobs = [job, ...this.#jobs.filter((j) => j.summary.jobId !== job.summary.jobId)].slice(
      0,
      MAX_HISTORY,
    )
    this.#schedule()
  }

  /** Drops every persisted job. */
  clear(): void {
    this.#jobs = []
    this.#schedule()
  }

  /** Writes pending changes now. */
  async flush(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer)
      this.#timer = undefined
      this.#writing = this.#writing.then(() => this.#write())
    }
    await this.#writing
  }

  #schedule(): void {
    if (this.#timer) return
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      this.#writing = this.#writing.then(() => this.#write())
    }, 1000)
    this.#timer.unref?.()
  }

  async #write(): Promise<void> {
    try {
      await writeJsonFile(this.#file, { version: 1, jobs: this.#jobs })
    } catch (error) {
      this.#onError(error)
    }
  }
}
