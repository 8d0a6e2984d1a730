/**
 * One uPlot time-series chart fed from a job's `MetricSeries`. It reads the series on its own timer
 * (a few times a second) rather than through React, so charts cost nothing per batch.
 */
import 'uplot/dist/uPlot.min.css'
import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import { chartTimeRange, type MetricSeries, type SeriesColumns } from './metric-series'

const REDRAW_MS = 250
const HEIGHT = 120

export interface ChartLine {
  readonly key: Exclude<keyof SeriesColumns, 'time'>
  readonly label: string
  /** A CSS colour or `var(--token)`. */
  readonly colour: string
}

interface UPlotChartProps {
  title: string
  unit: string
  lines: readonly ChartLine[]
  /** Returns the series to draw (it may appear later, once the job's first batch arrives). */
  series: () => MetricSeries | undefined
  testId: string
}

export function UPlotChart({ title, unit, lines, series, testId }: UPlotChartProps) {
  const host = useRef<HTMLDivElement>(null)
  const source = useRef(series)
  source.current = series

  useEffect(() => {
    const element = host.current
    if (!element) return
    const styles = getComputedStyle(element)
    const resolve = (colour: string) =>
      colour.startsWith('var(') ? styles.getPropertyValue(colour.slice(4, -1)).trim() || '#888' : colour
    const axis = {
      stroke: styles.getPropertyValue('--muted').trim() || '#888',
      grid: { stroke: styles.getPropertyValue('--border').trim() || '#ddd', width: 1 },
    }
    const options: uPlot.Options = {
      width: Math.max(200, element.clientWidth),
      height: HEIGHT,
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: true, range: (u) => chartTimeRange(u.data[0]) },
        y: { range: (_u, min, max) => [Math.min(0, min), Math.max(1, max * 1.1)] },
      },
      axes: [axis, { ...axis, size: 56, values: (_u, ticks) => ticks.map((v) => compact(v)) }],
      series: [
        {},
        ...lines.map((line) => ({
          label: unit === '' ? line.label : `${line.label} (${unit})`,
          stroke: resolve(line.colour),
          width: 1.5,
          spanGaps: false,
        })),
      ],
    }
    const empty: uPlot.AlignedData = [[], ...lines.map(() => [])]
    const chart = new uPlot(options, empty, element)
    let version = -1
    let shown: MetricSeries | undefined
    const redraw = () => {
      const current = source.current()
      if (!current || (current === shown && current.version === version)) return
      shown = current
      version = current.version
      const c = current.columns
      chart.setData([c.time.slice(), ...lines.map((line) => c[line.key].slice())] as uPlot.AlignedData)
    }
    redraw()
    const timer = setInterval(redraw, REDRAW_MS)
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: Math.max(200, element.clientWidth), height: HEIGHT }),
    )
    resize.observe(element)
    return () => {
      clearInterval(timer)
      resize.disconnect()
      chart.destroy()
    }
  }, [lines, unit])

  return (
    <figure className="run-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div ref={host} className="run-chart-plot" />
    </figure>
  )
}

function compact(value: number): string {
  const abs = Math.abs(value)
  if (abs >= 1_000_000) return `${(value / 1_000_000).toFixed(1)}M`
  if (abs >= 10_000) return `${Math.round(value / 1000)}k`
  if (abs >= 1000) return `${(value / 1000).toFixed(1)}k`
  return String(Math.round(value * 100) / 100)
}
