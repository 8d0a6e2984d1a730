/**
 * Writes the execution events a real job would publish, without an engine: tests of the streaming
 * layer use it to produce exact event sequences and very high event rates.
 */
import type { ExecutionEvent } from '../../../engine/events'
import type { ErrorInfo, ErrorStrategy, Payload } from '../../../engine/types'

export class SyntheticJob {
  readonly flowId: string
  readonly jobId: string
  time = 1_000_000
  #nextDelivery = 1
  readonly #sink: (event: ExecutionEvent) => void

  constructor(sink: (event: ExecutionEvent) => void, jobId = 'job-1', flowId = 'flow-1') {
    this.#sink = sink
    this.jobId = jobId
    this.flowId = flowId
  }

  #base() {
    this.time += 0.01
    return { flowId: this.flowId, jobId: this.jobId, time: this.time }
  }

  start(entryId: string, params: Payload = {}): void {
    this.#sink({ ...this.#base(), type: 'jobStarted', entryId, slot: 'trigger', params })
  }

  /** Queues a delivery and returns its id. */
  queue(routineId: string, slot: string, connectionId?: string, attempt = 1, deliveryId?: number): number {
    const id = deliveryId ?? this.#nextDelivery++
    this.#sink({
      ...this.#base(),
      type: 'deliveryQueued',
      deliveryId: id,
      routineId,
      slot,
      attempt,
      ...(connectionId !== undefined && { connectionId }),
    })
    return id
  }

  run(deliveryId: number, routineId: string, slot: string, attempt = 1): void {
    this.#sink({ ...this.#base(), type: 'routineStarted', deliveryId, routineId, slot, attempt })
  }

  complete(deliveryId: number, routineId: string, slot: string, durationMs = 1, attempt = 1): void {
    this.#sink({
      ...this.#base(),
      type: 'routineCompleted',
      deliveryId,
      routineId,
      slot,
      attempt,
      durationMs,
    })
  }

  fail(
    deliveryId: number,
    routineId: string,
    slot: string,
    resolution: ErrorStrategy,
    attempt = 1,
    error: ErrorInfo = { code: 'HANDLER_ERROR', message: 'boom' },
  ): void {
    this.#sink({
      ...this.#base(),
      type: 'routineFailed',
      deliveryId,
      routineId,
      slot,
      attempt,
      durationMs: 1,
      error,
      resolution,
    })
  }

  retry(deliveryId: number, routineId: string, slot: string, nextAttempt: number, maxRetries: number): void {
    this.#sink({
      ...this.#base(),
      type: 'retryScheduled',
      deliveryId,
      routineId,
      slot,
      attempt: nextAttempt - 1,
      nextAttempt,
      maxRetries,
      delayMs: 10,
      error: { code: 'HANDLER_ERROR', message: 'boom' },
    })
  }

  emit(routineId: string, event: string, connectionIds: string[], data: Payload = {}): void {
    this.#sink({ ...this.#base(), type: 'eventEmitted', routineId, event, connectionIds, data })
  }

  /** One full hop: `source` emits over `connectionId` to `target.slot`, which runs and completes. */
  hop(source: string, target: string, slot: string, connectionId: string, data: Payload = {}): void {
    this.emit(source, 'out', [connectionId], data)
    const id = this.queue(target, slot, connectionId)
    this.run(id, target, slot)
    this.complete(id, target, slot)
  }

  finish(type: 'jobCompleted' | 'jobCancelled' = 'jobCompleted'): void {
    this.#sink({ ...this.#base(), type, durationMs: 5 })
  }

  failJob(error: ErrorInfo = { code: 'HANDLER_ERROR', message: 'boom' }): void {
    this.#sink({ ...this.#base(), type: 'jobFailed', durationMs: 5, error })
  }

  pause(): void {
    this.#sink({ ...this.#base(), type: 'jobPaused' })
  }
}
