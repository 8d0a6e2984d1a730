/**
 * Error strategies. An `ErrorHandler` holds configuration only; retry counts live with each
 * delivery, so budgets are per job and never shared between runs.
 */
import { ErrorCode, RoutiluxError } from './errors'
import { ErrorStrategy } from './types'

/** Options of `ErrorHandler`; every field has a default. */
export interface ErrorHandlerOptions {
  strategy?: ErrorStrategy
  maxRetries?: number
  retryDelayMs?: number
  retryBackoff?: number
  /** Only errors for which this returns true are retried; others are treated as exhausted. */
  retryable?: (error: unknown) => boolean
  /** When retries are exhausted: critical → STOP, otherwise CONTINUE. */
  isCritical?: boolean
}

const STRATEGIES: ReadonlySet<string> = new Set(Object.values(ErrorStrategy))

function invalid(message: string): never {
  throw new RoutiluxError(ErrorCode.INVALID_ARGUMENT, message)
}

/** How errors of a routine (or of a whole flow) are resolved: STOP, CONTINUE, RETRY or SKIP. */
export class ErrorHandler {
  readonly strategy: ErrorStrategy
  readonly maxRetries: number
  readonly retryDelayMs: number
  readonly retryBackoff: number
  readonly isCritical: boolean
  readonly #retryable: ((error: unknown) => boolean) | undefined

  constructor(options: ErrorHandlerOptions = {}) {
    const strategy = options.strategy ?? ErrorStrategy.STOP
    if (!STRATEGIES.has(strategy)) invalid(`unknown error strategy "${String(strategy)}"`)
    const maxRetries = options.maxRetries ?? 3
    if (!Number.isInteger(maxRetries) || maxRetries < 0) invalid('maxRetries must be a non-negative integer')
    const retryDelayMs = options.retryDelayMs ?? 1000
    if (!Number.isFinite(retryDelayMs) || retryDelayMs < 0)
      invalid('retryDelayMs must be a finite number ≥ 0')
    const retryBackoff = options.retryBackoff ?? 2
    if (!Number.isFinite(retryBackoff) || retryBackoff <= 0)
      invalid('retryBackoff must be a finite number > 0')
    if (options.retryable !== undefined && typeof options.retryable !== 'function') {
      invalid('retryable must be a function')
    }
    this.strategy = strategy
    this.maxRetries = maxRetries
    this.retryDelayMs = retryDelayMs
    this.retryBackoff = retryBackoff
    this.isCritical = options.isCritical ?? false
    this.#retryable = options.retryable
  }

  /**
   * Delay before retry number `retry` (1-based): `retryDelayMs × retryBackoff^(retry−1)`. The executor
   * waits at most 2³¹−1 ms (about 24.8 days, the longest a timer holds) whatever this returns.
   */
  delayFor(retry: number): number {
    return this.retryDelayMs * this.retryBackoff ** (retry - 1)
  }

  /** Whether `error` may be retried; a predicate that throws counts as "no". */
  isRetryable(error: unknown): boolean {
    if (this.#retryable === undefined) return true
    try {
      return this.#retryable(error) === true
    } catch {
      // A broken predicate must not turn one error into an endless retry loop: treat the error as final.
      return false
    }
  }
}
