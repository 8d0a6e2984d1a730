/** The shape every workload module returns, so bench/engine.ts can compose them. */
import type { Table } from '../lib/format'
import type { Repetitions } from '../lib/stats'

/** Options shared by every workload. */
export interface BenchOptions {
  /** Smoke run: one repetition, smaller calibration; numbers are not meaningful. */
  readonly quick: boolean
  /** Skip the full GC between repetitions (`--no-gc`), to measure with a warm heap. */
  readonly noGc: boolean
  /** Fixed MINSTD iterations for workload (d) instead of calibrating (`--cpu-iters`). */
  readonly cpuIters?: number
  /** Progress output (stderr), so stdout stays the report. */
  readonly log: (line: string) => void
}

/** Tables, notes and JSON keys (medians) produced by one workload. */
export interface WorkloadReport {
  readonly id: string
  readonly title: string
  readonly tables: readonly Table[]
  readonly notes: readonly string[]
  readonly json: Readonly<Record<string, number>>
  /** Rows for the headline comparison table: metric, Python, ours. */
  readonly headline: readonly HeadlineRow[]
}

/** One line of the headline table. */
export interface HeadlineRow {
  readonly metric: string
  readonly python: string
  readonly ours: string
}

/** A workload module's entry point. */
export type Workload = (options: BenchOptions) => Promise<WorkloadReport>

/** Warm-ups and measured repetitions for a default count (workloads.md §1.5), shrunk in quick mode. */
export function reps(options: BenchOptions, measured: number): Repetitions {
  const gc = !options.noGc
  return options.quick ? { warmups: 0, measured: 1, gc } : { warmups: 2, measured, gc }
}
