/**
 * Builds a runnable `Flow` from a flow document: every routine instantiated through the registry
 * (unknown types become placeholders), error handlers from their document specs, connections with
 * their document ids (so live counts line up with the canvas). A document with error-level problems
 * is refused with `INVALID_ARGUMENT` and the problems in the error's details.
 */
import { hasErrors } from '../../../engine/document/problems'
import type { ErrorHandlerSpec, FlowDocument, Problem } from '../../../engine/document/types'
import { ErrorHandler } from '../../../engine/error-handler'
import { ErrorCode, isRoutiluxError, RoutiluxError } from '../../../engine/errors'
import { Flow } from '../../../engine/flow'
import type { MetricsCollector } from '../../../engine/metrics/metrics-collector'
import type { RoutineRegistry } from '../../../engine/routines/registry'
import type { RunOptions } from '../../ipc/contract'

export interface BuildOptions {
  readonly metrics?: MetricsCollector
  readonly overrides?: RunOptions
}

/** The error handler described by a document spec. */
export function errorHandlerFrom(spec: ErrorHandlerSpec): ErrorHandler {
  const codes = spec.retryOn
  return new ErrorHandler({
    strategy: spec.strategy,
    ...(spec.maxRetries !== undefined && { maxRetries: spec.maxRetries }),
    ...(spec.retryDelayMs !== undefined && { retryDelayMs: spec.retryDelayMs }),
    ...(spec.retryBackoff !== undefined && { retryBackoff: spec.retryBackoff }),
    ...(spec.isCritical !== undefined && { isCritical: spec.isCritical }),
    ...(codes !== undefined && {
      retryable: (error: unknown) =>
        codes.includes(isRoutiluxError(error) ? error.code : ErrorCode.HANDLER_ERROR),
    }),
  })
}

/** The flow for `document`; throws `INVALID_ARGUMENT` (with `details.problems`) when it cannot run. */
export function buildFlow(
  document: FlowDocument,
  registry: RoutineRegistry,
  options: BuildOptions = {},
): Flow {
  const execution = document.execution
  const mode = options.overrides?.mode ?? execution.mode
  const maxWorkers = options.overrides?.maxWorkers ?? execution.maxWorkers
  const flow = new Flow({
    id: document.id,
    executionMode: mode,
    ...(maxWorkers !== undefined && mode === 'concurrent' && { maxWorkers }),
    ...(execution.errorHandler && { errorHandler: errorHandlerFrom(execution.errorHandler) }),
    ...(execution.history && { history: execution.history }),
    ...(execution.handlerTimeoutMs !== undefined && { handlerTimeoutMs: execution.handlerTimeoutMs }),
    ...(options.metrics && { metrics: options.metrics }),
  })
  const problems: Problem[] = []
  document.routines.forEach((entry, index) => {
    const ports = {
      slots: document.connections.filter((c) => c.target.routine === entry.id).map((c) => c.target.slot),
      events: document.connections.filter((c) => c.source.routine === entry.id).map((c) => c.source.event),
    }
    const built = registry.instantiate(entry, { path: `$.routines[${index}]`, ports })
    problems.push(...built.problems)
    if (entry.errorHandler) built.routine.setErrorHandler(errorHandlerFrom(entry.errorHandler))
    flow.addRoutine(built.routine, entry.id)
  })
  if (hasErrors(problems)) throw notRunnable(problems)
  document.connections.forEach((connection, index) => {
    try {
      flow.connect(
        connection.source.routine,
        connection.source.event,
        connection.target.routine,
        connection.target.slot,
        {
          id: connection.id,
        },
      )
    } catch (error) {
      if (!isRoutiluxError(error)) throw error
      problems.push({
        severity: 'error',
        code: error.code,
        message: error.message,
        location: { path: `$.connections[${index}]`, connectionId: connection.id },
      })
    }
  })
  if (hasErrors(problems)) throw notRunnable(problems)
  return flow
}

function notRunnable(problems: readonly Problem[]): RoutiluxError {
  const errors = problems.filter((p) => p.severity === 'error')
  return new RoutiluxError(
    ErrorCode.INVALID_ARGUMENT,
    `The flow cannot run: ${errors
      .slice(0, 3)
      .map((p) => p.message)
      .join('; ')}${errors.length > 3 ? ` (and ${errors.length - 3} more)` : ''}`,
    { problems: errors.slice(0, 50).map((p) => ({ ...p, location: { ...p.location } })) },
  )
}
