/**
 * Routine executions of one job for the timeline (Gantt) view: spans still running, plus a fixed-size
 * ring of the most recent finished ones.
 *
 * This runs for every routine execution, so it allocates nothing per execution: spans are stored as
 * columns (typed arrays and an array of routine ids) rather than objects, which would each live just
 * long enough to be promoted by the garbage collector and then die in the old generation. Running
 * spans sit in a small table indexed by delivery id (a delivery runs one attempt at a time); the rare
 * span whose slot another running span holds moves to an overflow map. Span objects are built only
 * when the timeline is read.
 */
import type { TimelineSpan } from '../../ipc/contract'

/** Running spans held in the table (a power of two); more run at once only with many workers. */
const SLOTS = 256
const MASK = SLOTS - 1
const FREE = -1

type Outcome = TimelineSpan['outcome']
const OUTCOMES: readonly Outcome[] = ['running', 'completed', 'failed']

/** Columns of `size` spans. */
class SpanColumns {
  readonly routine: (string | undefined)[]
  readonly delivery: Float64Array
  readonly attempt: Float64Array
  readonly start: Float64Array
  readonly end: Float64Array
  readonly outcome: Uint8Array

  constructor(size: number) {
    this.routine = new Array<string | undefined>(size).fill(undefined)
    this.delivery = new Float64Array(size).fill(FREE)
    this.attempt = new Float64Array(size)
    this.start = new Float64Array(size)
    this.end = new Float64Array(size)
    this.outcome = new Uint8Array(size)
  }

  span(i: number): TimelineSpan {
    const outcome = OUTCOMES[this.outcome[i] as number] ?? 'running'
    return {
      routineId: this.routine[i] ?? '',
      deliveryId: this.delivery[i] as number,
      attempt: this.attempt[i] as number,
      start: this.start[i] as number,
      end: outcome === 'running' ? null : (this.end[i] as number),
      outcome,
    }
  }
}

export class TimelineRecorder {
  readonly #running = new SpanColumns(SLOTS)
  readonly #overflow = new Map<number, TimelineSpan>()
  readonly #finished: SpanColumns
  readonly #capacity: number
  #next = 0
  #count = 0

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a positive integer')
    this.#capacity = capacity
    this.#finished = new SpanColumns(capacity)
  }

  started(routineId: string, deliveryId: number, attempt: number, time: number): void {
    const run = this.#running
    const slot = deliveryId & MASK
    const held = run.delivery[slot] as number
    // A holder with the same delivery id is an attempt that never reported its end: replaced.
    if (held !== FREE && held !== deliveryId) this.#overflow.set(held, run.span(slot))
    if (this.#overflow.size > 0) this.#overflow.delete(deliveryId)
    run.routine[slot] = routineId
    run.delivery[slot] = deliveryId
    run.attempt[slot] = attempt
    run.start[slot] = time
  }

  finished(deliveryId: number, attempt: number, time: number, outcome: 'completed' | 'failed'): void {
    const run = this.#running
    const slot = deliveryId & MASK
    if (run.delivery[slot] === deliveryId) {
      if (run.attempt[slot] !== attempt) return
      this.#record(run.routine[slot] ?? '', deliveryId, attempt, run.start[slot] as number, time, outcome)
      run.delivery[slot] = FREE
      run.routine[slot] = undefined
      return
    }
    const span = this.#overflow.get(deliveryId)
    if (span === undefined || span.attempt !== attempt) return
    this.#overflow.delete(deliveryId)
    this.#record(span.routineId, deliveryId, attempt, span.start, time, outcome)
  }

  /** Finished spans (oldest first), then those still running (by start time). */
  spans(): TimelineSpan[] {
    const out: TimelineSpan[] = []
    const first = (this.#next - this.#count + this.#capacity) % this.#capacity
    for (let i = 0; i < this.#count; i++) out.push(this.#finished.span((first + i) % this.#capacity))
    const running: TimelineSpan[] = [...this.#overflow.values()]
    for (let slot = 0; slot < SLOTS; slot++) {
      if (this.#running.delivery[slot] !== FREE) running.push(this.#running.span(slot))
    }
    running.sort((a, b) => a.start - b.start)
    return [...out, ...running]
  }

  #record(
    routineId: string,
    deliveryId: number,
    attempt: number,
    start: number,
    end: number,
    outcome: 'completed' | 'failed',
  ): void {
    const i = this.#next
    const done = this.#finished
    done.routine[i] = routineId
    done.delivery[i] = deliveryId
    done.attempt[i] = attempt
    done.start[i] = start
    done.end[i] = end
    done.outcome[i] = outcome === 'completed' ? 1 : 2
    this.#next = (i + 1) % this.#capacity
    if (this.#count < this.#capacity) this.#count++
  }
}
