/**
 * The outcome of a `routilux run` job: a plain summary (also the --json output) and its human form,
 * a status line, a table of routines and the job's output log.
 */
import type { JobState } from '../../job-state'
import type { ErrorInfo, JobStatus, OutputEntry, RoutineState } from '../../types'
import type { CliIo } from './io'

/** What `run --json` prints (plus the file name). */
export interface RunSummary {
  readonly status: JobStatus
  readonly jobId: string
  readonly entry: string
  readonly durationMs: number
  readonly error?: ErrorInfo
  readonly routines: Record<string, RoutineState>
  readonly output: readonly OutputEntry[]
}

/** Summarises a finished job. */
export function summarise(job: JobState, entry: string): RunSummary {
  const started = job.startedAt ?? job.createdAt
  const ended = job.endedAt ?? Date.now()
  const error = job.error
  return {
    status: job.status,
    jobId: job.jobId,
    entry,
    durationMs: Math.max(0, Math.round((ended - started) * 1000) / 1000),
    ...(error !== undefined && { error: { ...error, stack: undefined } }),
    routines: { ...job.routineStates },
    output: [...job.outputLog],
  }
}

/** Prints a summary for people. */
export function printSummary(io: CliIo, s: RunSummary): void {
  const mark = s.status === 'completed' ? '✓' : '✗'
  io.stdout.write(`${mark} ${s.status} in ${s.durationMs} ms (job ${s.jobId}, entry ${s.entry})\n`)
  if (s.error) {
    const where = s.error.routineId !== undefined ? ` in routine ${s.error.routineId}` : ''
    io.stdout.write(`  ${s.error.code}${where}: ${s.error.message}\n`)
  }
  const rows = Object.entries(s.routines).map(([id, state]) => [
    id,
    state.status,
    String(state.runs),
    String(state.errors),
    String(state.retries),
    String(state.skips),
  ])
  if (rows.length > 0) {
    const header = ['routine', 'status', 'runs', 'errors', 'retries', 'skips']
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)))
    const line = (cells: readonly string[]) =>
      `  ${cells
        .map((c, i) => c.padEnd(widths[i] as number))
        .join('  ')
        .trimEnd()}\n`
    io.stdout.write(line(header))
    for (const row of rows) io.stdout.write(line(row))
  }
  if (s.output.length > 0) {
    io.stdout.write('output:\n')
    for (const entry of s.output) {
      const json = entry.data === undefined ? '' : JSON.stringify(entry.data)
      const data = json.length > 200 ? ` ${json.slice(0, 199)}…` : json ? ` ${json}` : ''
      io.stdout.write(`  [${entry.level}] ${entry.routineId}: ${entry.message}${data}\n`)
    }
  }
}
