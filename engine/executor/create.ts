/**
 * Assembles a flow's executor state: graph, scheduler, job registry and the delivery port.
 */
import type { RoutineContext } from '../context'
import type { ErrorHandler } from '../error-handler'
import { emptyListenerLists } from './event-routes'
import { FlowGraph } from './graph'
import { JobRegistry } from './job-registry'
import { deliveryPort } from './port'
import { Scheduler } from './scheduler'
import type { Delivery, ExecutorState } from './state'

/** Flow options the executor reads. */
export interface ExecutorOptions {
  errorHandler?: ErrorHandler
  history?: { maxSize?: number; ttlMs?: number }
  handlerTimeoutMs?: number
}

/** A new executor for `flow`, dispatching deliveries through `start`. */
export function createExecutor(
  flow: RoutineContext['flow'],
  maxWorkers: number,
  start: (d: Delivery) => void,
  options: ExecutorOptions,
): ExecutorState {
  return {
    flow,
    flowId: flow.id,
    graph: new FlowGraph(),
    port: deliveryPort,
    scheduler: new Scheduler<Delivery>(maxWorkers, start),
    registry: new JobRegistry(),
    runs: new Map(),
    listeners: emptyListenerLists(),
    recent: undefined,
    errorHandler: options.errorHandler,
    handlerTimeoutMs: options.handlerTimeoutMs,
    history: options.history,
  }
}
