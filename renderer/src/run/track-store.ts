/**
 * The tracks of recent jobs, bounded: the renderer follows every job the host streams, but keeps
 * only the most recently active ones (with their chart series).
 */
import type { JobUpdate } from '../../../electron/ipc/contract'
import { applyJobUpdate, type JobTrack } from './job-track'
import { MetricSeries } from './metric-series'

/** Jobs followed at once; the least recently updated one is forgotten first. */
export const MAX_TRACKED_JOBS = 12

export class TrackStore {
  readonly #tracks = new Map<string, JobTrack>()
  readonly #series = new Map<string, MetricSeries>()
  readonly #limit: number

  constructor(limit = MAX_TRACKED_JOBS) {
    this.#limit = limit
  }

  get(jobId: string): JobTrack | undefined {
    return this.#tracks.get(jobId)
  }

  series(jobId: string): MetricSeries | undefined {
    return this.#series.get(jobId)
  }

  /** Folds an update in; returns the job's new track. */
  apply(update: JobUpdate, hostTime: number, receivedAt: number): JobTrack {
    const track = applyJobUpdate(this.#tracks.get(update.jobId), update, hostTime, receivedAt)
    let series = this.#series.get(update.jobId)
    if (!series) {
      series = new MetricSeries()
      this.#series.set(update.jobId, series)
    }
    series.add(update.window, update.totals, hostTime, update.final)
    this.set(track)
    return track
  }

  /** Stores a track as the most recent one, forgetting the oldest beyond the limit. */
  set(track: JobTrack): void {
    const jobId = track.info.jobId
    this.#tracks.delete(jobId)
    this.#tracks.set(jobId, track)
    while (this.#tracks.size > this.#limit) {
      const oldest = this.#tracks.keys().next().value
      if (oldest === undefined) break
      this.#tracks.delete(oldest)
      this.#series.delete(oldest)
    }
  }

  get size(): number {
    return this.#tracks.size
  }
}
