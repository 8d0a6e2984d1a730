/**
 * The flow a job runs: the engine builds it from the document (`buildFlow`); the host refuses to run
 * one with error-level problems, answering `INVALID_ARGUMENT` with the problems in the details.
 */
import { buildFlow, type ExecutionOverrides } from '../../../engine/document/build-flow'
import type { FlowDocument, Problem } from '../../../engine/document/types'
import { ErrorCode, RoutiluxError } from '../../../engine/errors'
import type { Flow } from '../../../engine/flow'
import type { MetricsCollector } from '../../../engine/metrics/metrics-collector'
import type { RoutineRegistry } from '../../../engine/routines/registry'

/** The runnable flow for `document`; throws `INVALID_ARGUMENT` (with `details.problems`) otherwise. */
export function runnableFlow(
  document: FlowDocument,
  registry: RoutineRegistry,
  options: { readonly metrics?: MetricsCollector; readonly overrides?: ExecutionOverrides } = {},
): Flow {
  const { flow, problems, ok } = buildFlow(document, { registry, ...options })
  if (!ok) throw notRunnable(problems)
  return flow
}

function notRunnable(problems: readonly Problem[]): RoutiluxError {
  const errors = problems.filter((p) => p.severity === 'error')
  return new RoutiluxError(
    ErrorCode.INVALID_ARGUMENT,
    `The flow cannot run: ${errors
      .slice(0, 3)
      .map(located)
      .join('; ')}${errors.length > 3 ? ` (and ${errors.length - 3} more)` : ''}`,
    { problems: errors.slice(0, 50).map((p) => ({ ...p, location: { ...p.location } })) },
  )
}

/** A problem's message naming its routine, unless it does already (a bare parse error does not). */
function located(problem: Problem): string {
  const routineId = problem.location.routineId
  if (routineId === undefined || problem.message.includes(`"${routineId}"`)) return problem.message
  return `${routineId}: ${problem.message}`
}
