/**
 * Metrics of the focused job over time — throughput, deliveries in flight, error rate and handler
 * duration percentiles — and the switch that serves Prometheus `/metrics` on 127.0.0.1.
 */
import { useCallback, useMemo } from 'react'
import { useStudioStore } from '../store/StoreProvider'
import type { StudioState } from '../store/state'
import { useStudio } from '../store/useStudio'
import { MetricsEndpointToggle } from './MetricsEndpointToggle'
import { type ChartLine, UPlotChart } from './UPlotChart'

const THROUGHPUT: readonly ChartLine[] = [
  { key: 'throughput', label: 'deliveries', colour: 'var(--accent-strong)' },
]
const IN_FLIGHT: readonly ChartLine[] = [{ key: 'inFlight', label: 'in flight', colour: 'var(--warning)' }]
const ERROR_RATE: readonly ChartLine[] = [{ key: 'errorRate', label: 'errors', colour: 'var(--danger)' }]
const DURATIONS: readonly ChartLine[] = [
  { key: 'p50', label: 'p50', colour: 'var(--success)' },
  { key: 'p95', label: 'p95', colour: 'var(--accent-strong)' },
]

export function MetricsPanel({ jobId }: { jobId: string }) {
  const store = useStudioStore()
  const series = useCallback(() => store.getState().seriesOf(jobId), [store, jobId])
  const selectTracked = useMemo(() => (s: StudioState) => s.seriesOf(jobId) !== undefined, [jobId])
  const tracked = useStudio(selectTracked)
  return (
    <div className="run-metrics run-scroll">
      <MetricsEndpointToggle />
      {!tracked && (
        <p className="muted run-empty">
          Charts cover jobs followed live in this window; this job has no series.
        </p>
      )}
      <div className="run-charts" key={jobId}>
        <UPlotChart
          title="Throughput"
          unit="/s"
          lines={THROUGHPUT}
          series={series}
          testId="chart-throughput"
        />
        <UPlotChart
          title="Deliveries in flight"
          unit=""
          lines={IN_FLIGHT}
          series={series}
          testId="chart-in-flight"
        />
        <UPlotChart
          title="Error rate"
          unit="%"
          lines={ERROR_RATE}
          series={series}
          testId="chart-error-rate"
        />
        <UPlotChart
          title="Handler duration"
          unit="ms"
          lines={DURATIONS}
          series={series}
          testId="chart-durations"
        />
      </div>
    </div>
  )
}
