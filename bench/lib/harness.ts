/**
 * Runs a list of workloads and prints the report: machine line, each workload's tables and notes, a
 * headline table (Python baseline alongside ours) and, with `--json`, one JSON object as the last line.
 */
import { availableParallelism, cpus, loadavg } from 'node:os'
import type { BenchOptions, HeadlineRow, Workload, WorkloadReport } from '../workloads/types'
import { renderTable } from './format'

/** Parsed command line. */
export interface BenchArgs {
  readonly json: boolean
  readonly quick: boolean
  readonly noGc: boolean
  readonly cpuIters?: number
  /** Workload ids to run (`--only a,b`); empty runs all. */
  readonly only: readonly string[]
}

/** Parses `--json`, `--quick`, `--no-gc`, `--cpu-iters N`, `--only a,b`. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  let json = false
  let quick = false
  let noGc = false
  let cpuIters: number | undefined
  let only: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--json') json = true
    else if (arg === '--quick') quick = true
    else if (arg === '--no-gc') noGc = true
    else if (arg === '--cpu-iters') cpuIters = Number(argv[++i])
    else if (arg === '--only') only = (argv[++i] ?? '').split(',').filter(Boolean)
    else
      throw new Error(
        `Unknown argument ${arg}. Usage: bench:engine [--json] [--quick] [--no-gc] [--cpu-iters N] [--only a,b]`,
      )
  }
  if (cpuIters !== undefined && !(cpuIters > 0)) throw new Error('--cpu-iters needs a positive number')
  return { json, quick, noGc, ...(cpuIters !== undefined && { cpuIters }), only }
}

/** A named workload: `id` is matched by `--only` (its report id starts with it). */
export interface Entry {
  readonly id: string
  readonly run: Workload
}

/** Runs the selected workloads, writes the report to `out`, and returns the merged JSON keys. */
export async function runBench(
  entries: readonly Entry[],
  args: BenchArgs,
  out: (text: string) => void,
  log: (line: string) => void,
): Promise<Record<string, number>> {
  const options: BenchOptions = {
    quick: args.quick,
    noGc: args.noGc,
    ...(args.cpuIters !== undefined && { cpuIters: args.cpuIters }),
    log,
  }
  const selected = entries.filter((e) => args.only.length === 0 || args.only.includes(e.id))
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  out(
    `Routilux engine benchmark — ${availableParallelism()} logical CPUs (${cpu}), Node ${process.version}, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(
        ' ',
      )}${args.quick ? ' — QUICK SMOKE RUN, numbers not meaningful' : ''}${args.noGc ? ' — no GC between repetitions (warm heap, not the baseline protocol)' : ''}\n`,
  )
  const reports: WorkloadReport[] = []
  for (const entry of selected) {
    const report = await entry.run(options)
    reports.push(report)
    for (const table of report.tables) out(`${renderTable(table)}\n`)
    for (const note of report.notes) out(`- ${note}`)
    out('')
  }
  const headline: HeadlineRow[] = reports.flatMap((r) => r.headline)
  out(
    renderTable({
      title:
        'Headline: Python original (median of 3 runs, python-baseline.md) vs this engine (median of repetitions)',
      columns: ['metric', 'Python', 'ours'],
      rows: headline.map((h) => [h.metric, h.python, h.ours]),
    }),
  )
  const json: Record<string, number> = {}
  for (const report of reports) Object.assign(json, report.json)
  if (args.json) out(`\n${JSON.stringify(json)}`)
  return json
}
