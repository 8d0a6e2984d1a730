/**
 * The last step of loading: a runnable `Flow` from a document, through a routine registry. Unknown
 * types become placeholders, bad configs and impossible connections become problems; nothing throws.
 * This module pulls in the executor, so it is not part of `engine/document/index.ts` (which the
 * renderer imports); hosts and the command line import it directly.
 */
import { ErrorHandler } from '../error-handler'
import { toErrorInfo } from '../errors'
import { Flow, type FlowOptions } from '../flow'
import type { MetricsCollector } from '../metrics/metrics-collector'
import type { RoutineRegistry } from '../routines/registry'
import { DocumentProblemCode, hasErrors, jsonPath, problem, quoteName } from './problems'
import type { ErrorHandlerSpec, ExecutionSpec, FlowDocument, Problem } from './types'

/** Options of `buildFlow`. */
export interface BuildOptions {
  readonly registry: RoutineRegistry
  readonly metrics?: MetricsCollector
  /** Execution settings that replace the document's for this build (a run started with another mode or worker count). */
  readonly overrides?: ExecutionOverrides
}

/** The execution settings a run may choose instead of the document's. */
export interface ExecutionOverrides {
  readonly mode?: ExecutionSpec['mode']
  readonly maxWorkers?: number
}

/** A built flow (always present, possibly incomplete) and what went wrong on the way. */
export interface BuildResult {
  readonly flow: Flow
  readonly problems: Problem[]
  /** True when no problem is an error: every routine and connection is in the flow. */
  readonly ok: boolean
}

/** Builds the engine `Flow` a document describes. */
export function buildFlow(doc: FlowDocument, options: BuildOptions): BuildResult {
  const problems: Problem[] = []
  const flow = createFlow(doc, options, problems)

  const ports = new Map<string, { slots: string[]; events: string[] }>()
  const portsOf = (id: string) => {
    let entry = ports.get(id)
    if (!entry) {
      entry = { slots: [], events: [] }
      ports.set(id, entry)
    }
    return entry
  }
  for (const c of doc.connections) {
    portsOf(c.source.routine).events.push(c.source.event)
    portsOf(c.target.routine).slots.push(c.target.slot)
  }

  doc.routines.forEach((spec, i) => {
    const path = jsonPath(['routines', i])
    if (flow.routines.has(spec.id)) {
      problems.push(
        problem(
          'error',
          DocumentProblemCode.DUPLICATE_ROUTINE,
          `routine id ${quoteName(spec.id)} is used twice; the second is left out`,
          `${path}.id`,
          {
            routineId: spec.id,
          },
        ),
      )
      return
    }
    const made = options.registry.instantiate(
      {
        id: spec.id,
        type: spec.type,
        config: spec.config,
        ...(spec.typeVersion !== undefined && { typeVersion: spec.typeVersion }),
        ...(spec.merge !== undefined && { merge: spec.merge }),
      },
      { path, ports: ports.get(spec.id) ?? { slots: [], events: [] } },
    )
    problems.push(...made.problems)
    try {
      if (spec.errorHandler) made.routine.setErrorHandler(toErrorHandler(spec.errorHandler))
      flow.addRoutine(made.routine, spec.id)
    } catch (error) {
      const info = toErrorInfo(error)
      problems.push(problem('error', info.code, info.message, path, { routineId: spec.id }))
    }
  })

  doc.connections.forEach((c, i) => {
    try {
      flow.connect(c.source.routine, c.source.event, c.target.routine, c.target.slot, { id: c.id })
    } catch (error) {
      const info = toErrorInfo(error)
      problems.push(
        problem(
          'error',
          info.code,
          `connection ${quoteName(c.id)} is left out: ${info.message}`,
          ['connections', i],
          {
            connectionId: c.id,
          },
        ),
      )
    }
  })
  return { flow, problems, ok: !hasErrors(problems) }
}

function createFlow(doc: FlowDocument, build: BuildOptions, problems: Problem[]): Flow {
  const e = doc.execution
  const metrics = build.metrics
  const maxWorkers = build.overrides?.maxWorkers ?? e.maxWorkers
  const options: FlowOptions = {
    id: doc.id,
    executionMode: build.overrides?.mode ?? e.mode,
    ...(maxWorkers !== undefined && { maxWorkers }),
    ...(e.history !== undefined && { history: e.history }),
    ...(e.handlerTimeoutMs !== undefined && { handlerTimeoutMs: e.handlerTimeoutMs }),
    ...(metrics !== undefined && { metrics }),
  }
  try {
    if (e.errorHandler) options.errorHandler = toErrorHandler(e.errorHandler)
    return new Flow(options)
  } catch (error) {
    const info = toErrorInfo(error)
    problems.push(
      problem('error', info.code, `execution settings: ${info.message}; defaults are used`, ['execution']),
    )
    return new Flow({ id: doc.id, ...(metrics !== undefined && { metrics }) })
  }
}

/** The engine error handler for a document's handler spec (`retryOn` lists retryable error codes). */
export function toErrorHandler(spec: ErrorHandlerSpec): ErrorHandler {
  const retryOn = spec.retryOn
  return new ErrorHandler({
    strategy: spec.strategy,
    ...(spec.maxRetries !== undefined && { maxRetries: spec.maxRetries }),
    ...(spec.retryDelayMs !== undefined && { retryDelayMs: spec.retryDelayMs }),
    ...(spec.retryBackoff !== undefined && { retryBackoff: spec.retryBackoff }),
    ...(spec.isCritical !== undefined && { isCritical: spec.isCritical }),
    ...(retryOn !== undefined && {
      retryable: (error: unknown) => retryOn.includes(toErrorInfo(error).code),
    }),
  })
}
