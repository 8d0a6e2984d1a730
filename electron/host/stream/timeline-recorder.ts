/**
 * Routine executions of one job for the timeline (Gantt) view: spans still running, plus a fixed-size
 * ring of the most recent finished ones.
 */
import type { TimelineSpan } from '../../ipc/contract'
import { RingBuffer } from './ring-buffer'

export class TimelineRecorder {
  readonly #open = new Map<number, TimelineSpan>()
  readonly #finished: RingBuffer<TimelineSpan>

  constructor(capacity: number) {
    this.#finished = new RingBuffer(capacity)
  }

  started(routineId: string, deliveryId: number, attempt: number, time: number): void {
    this.#open.set(spanKey(deliveryId, attempt), {
      routineId,
      deliveryId,
      attempt,
      start: time,
      end: null,
      outcome: 'running',
    })
  }

  finished(deliveryId: number, attempt: number, time: number, outcome: 'completed' | 'failed'): void {
    const key = spanKey(deliveryId, attempt)
    const open = this.#open.get(key)
    if (!open) return
    this.#open.delete(key)
    this.#finished.push({ ...open, end: time, outcome })
  }

  /** Finished spans (oldest first), then those still running. */
  spans(): TimelineSpan[] {
    return [...this.#finished.toArray(), ...[...this.#open.values()].map((span) => ({ ...span }))]
  }
}

/** A number key (no string allocation on the hot path); attempts stay far below 1024. */
function spanKey(deliveryId: number, attempt: number): number {
  return deliveryId * 1024 + attempt
}
