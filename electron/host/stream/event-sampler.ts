/**
 * Chooses which execution events travel with a batch and stay in the job's ring buffer. Ordinary
 * events are kept up to a per-batch budget (the rest are counted as dropped); errors, retries, output
 * lines and job lifecycle events have a larger budget; terminal events are always kept. Kept events
 * are truncated copies, numbered by their position in the job's full event sequence.
 */
import type { ExecutionEvent } from '../../../engine/events'
import type { SampledEvent } from '../../ipc/contract'
import { RingBuffer } from './ring-buffer'
import { truncateEvent } from './sample-event'

/**
 * How an event is sampled: `ordinary` (deliveries, runs, emits), `priority` (errors, retries, output
 * lines, job lifecycle) or `terminal` (the job's end, always kept). The job aggregate classifies each
 * event as it folds it in, so the hot path needs no extra lookup.
 */
export type SampleClass = 'ordinary' | 'priority' | 'terminal'

/** Priority events allowed per batch, as a multiple of the ordinary budget. */
const PRIORITY_FACTOR = 5

export class EventSampler {
  readonly #perBatch: number
  readonly #ring: RingBuffer<SampledEvent>
  #batch: SampledEvent[] = []
  #ordinary = 0
  #priority = 0
  #dropped = 0
  #seq = 0

  constructor(perBatch: number, ringSize: number) {
    this.#perBatch = perBatch
    this.#ring = new RingBuffer(ringSize)
  }

  /** Considers one event; terminal events bypass every budget. */
  offer(event: ExecutionEvent, sampleClass: SampleClass): void {
    const seq = ++this.#seq
    if (sampleClass !== 'terminal') {
      if (sampleClass === 'priority') {
        if (this.#priority >= this.#perBatch * PRIORITY_FACTOR) {
          this.#dropped++
          return
        }
        this.#priority++
      } else {
        if (this.#ordinary >= this.#perBatch) {
          this.#dropped++
          return
        }
        this.#ordinary++
      }
    }
    const sampled: SampledEvent = { seq, event: truncateEvent(event) }
    this.#batch.push(sampled)
    this.#ring.push(sampled)
  }

  /** The events kept since the last call and how many were dropped. */
  takeBatch(): { events: SampledEvent[]; dropped: number } {
    const result = { events: this.#batch, dropped: this.#dropped }
    this.#batch = []
    this.#ordinary = 0
    this.#priority = 0
    this.#dropped = 0
    return result
  }

  /** Kept events with `seq > afterSeq`, at most `limit` (the newest ones), oldest first. */
  page(
    afterSeq: number | undefined,
    limit: number,
  ): { events: SampledEvent[]; oldestSeq: number; latestSeq: number } {
    const all = this.#ring.toArray()
    const after = afterSeq === undefined ? all : all.filter((e) => e.seq > afterSeq)
    return {
      events: after.slice(Math.max(0, after.length - limit)),
      oldestSeq: all[0]?.seq ?? 0,
      latestSeq: this.#seq,
    }
  }
}
