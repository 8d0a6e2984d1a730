export {
  type ExecutionStatusLabel,
  FLOW_METRIC_NAMES,
  FLOW_METRICS_EVENT_TYPES,
  ROUTINE_DURATION_BUCKETS,
  recordFlowMetrics,
} from './flow-metrics'
export { type DurationPercentiles, LogHistogram } from './log-histogram'
export { DEFAULT_BUCKETS, MetricsCollector } from './metrics-collector'
export { CounterMetric, GaugeMetric, HistogramMetric, type HistogramSnapshot, type Labels } from './series'
