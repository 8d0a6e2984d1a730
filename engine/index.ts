/**
 * The engine's public API (DESIGN §3). Re-exports only.
 */

export { Connection } from './connection'
export type { MergeStrategy, RoutineContext, SlotHandler } from './context'
export * from './d2'
export * from './document'
export { type BuildOptions, type BuildResult, buildFlow, toErrorHandler } from './document/build-flow'
export { ErrorHandler, type ErrorHandlerOptions } from './error-handler'
export { ErrorCode, isRoutiluxError, RoutiluxError, toErrorInfo } from './errors'
export { Event } from './event'
export type * from './events'
export { TERMINAL_EVENT_TYPES } from './events'
export {
  ExecutionTracker,
  type FlowPerformance,
  type JobTallies,
  type PerformanceMetrics,
  type ResolutionCounts,
  type RoutinePerformance,
  type SlowRoutine,
} from './execution-tracker'
export { type ExecuteOptions, Flow, type FlowOptions, type ObserveOptions } from './flow'
export type { JobSnapshot, JobTimeoutSnapshot, PendingDeliverySnapshot } from './job-snapshot'
export { SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from './job-snapshot'
export { JobState } from './job-state'
export {
  CounterMetric,
  DEFAULT_BUCKETS,
  type DurationPercentiles,
  type ExecutionStatusLabel,
  FLOW_METRIC_NAMES,
  FLOW_METRICS_EVENT_TYPES,
  GaugeMetric,
  HistogramMetric,
  type HistogramSnapshot,
  type Labels,
  MetricsCollector,
  ROUTINE_DURATION_BUCKETS,
  recordFlowMetrics,
} from './metrics'
export { Routine } from './routine'
export * from './routines'
export * from './routines/expression'
export { Slot, type SlotOptions } from './slot'
export type {
  ErrorInfo,
  ExecutionRecord,
  JobStatus,
  OutputEntry,
  Payload,
  RoutineState,
  RoutineStatus,
} from './types'
export { ErrorStrategy } from './types'
export { type FieldType, type ValidationFn, Validator } from './validator'
