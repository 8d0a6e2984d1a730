/**
 * `routilux run FILE [--entry ID] [--params JSON] [--timeout MS] [--json] [--metrics]`: builds the
 * flow, runs one job with a live progress line on a terminal, prints a summary (or JSON) and, with
 * --metrics, the Prometheus text. Exit 0 completed, 1 failed or cancelled, 2 bad usage or document.
 */
import { parseArgs } from 'node:util'
import { toErrorInfo } from '../../errors'
import type { JobState } from '../../job-state'
import { MetricsCollector } from '../../metrics/metrics-collector'
import type { Payload } from '../../types'
import { checkFile, countProblems, printProblems } from './check'
import { single } from './command-validate'
import { type CliIo, EXIT, UsageError } from './io'
import { ProgressLine } from './progress'
import { printSummary, summarise } from './run-summary'
import type { CliRuntime } from './runtime'

/** Usage text of `run`. */
export const RUN_USAGE = `Usage: routilux run FILE [--entry ID] [--params JSON] [--timeout MS] [--json] [--metrics]

Runs one job of the flow and prints how it went. Exit 0 when the job completed, 1 when it failed
or was cancelled (Ctrl-C), 2 for bad arguments or a document with errors.

  --entry ID      routine to start at (default: the flow's only entry point)
  --params JSON   run parameters, a JSON object (default {})
  --timeout MS    fail the job with JOB_TIMEOUT after MS milliseconds
  --json          print the outcome as one JSON object
  --metrics       print the run's metrics in the Prometheus text format (with --json: as its
                  "metrics" field)

On a terminal, a progress line on stderr shows deliveries finished out of those queued,
retries, failures and the time so far.`

const PROGRESS_EVENTS = ['deliveryQueued', 'routineCompleted', 'routineFailed', 'retryScheduled'] as const

/** Runs `run`. */
export async function runCommand(args: string[], io: CliIo, runtime: CliRuntime): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      entry: { type: 'string' },
      params: { type: 'string' },
      timeout: { type: 'string' },
      json: { type: 'boolean' },
      metrics: { type: 'boolean' },
    },
  })
  const file = single(positionals)
  const params = parseParams(values.params)
  const timeout = values.timeout === undefined ? undefined : parseTimeout(values.timeout)
  const metrics = values.metrics ? new MetricsCollector() : undefined
  const checked = await checkFile(io, runtime, file, metrics)
  if (!checked.document || !checked.flow || !checked.valid) {
    printProblems(io, checked.problems)
    io.stderr.write(`${file}: cannot run a flow with errors (${countProblems(checked.problems)})\n`)
    return EXIT.USAGE
  }
  const entry = values.entry ?? onlyEntry(checked.entryPoints)
  const timeoutMs = timeout ?? checked.document.execution.timeoutMs
  const flow = checked.flow
  // Observe before the job starts: execute() already queues the entry delivery.
  const progress = !values.json && io.stderr.isTTY ? new ProgressLine(io.stderr) : undefined
  const stopObserving = progress ? flow.observe(progress.onEvent, { types: PROGRESS_EVENTS }) : undefined
  let job: JobState
  try {
    job = flow.execute(entry, params, timeoutMs === undefined ? {} : { timeoutMs })
  } catch (error) {
    stopObserving?.()
    progress?.stop()
    throw new UsageError(toErrorInfo(error).message)
  }
  const cancel = () => flow.cancel(job)
  io.signal?.addEventListener('abort', cancel, { once: true })
  try {
    await job.done
  } finally {
    io.signal?.removeEventListener('abort', cancel)
    stopObserving?.()
    progress?.stop()
  }
  const summary = summarise(job, entry)
  const prometheus = metrics ? await metrics.exportPrometheus() : undefined
  if (values.json) {
    // One JSON document on stdout: the metrics text travels inside it.
    const out = { file, ...summary, ...(prometheus !== undefined && { metrics: prometheus }) }
    io.stdout.write(`${JSON.stringify(out, null, 2)}\n`)
  } else {
    printSummary(io, summary)
    if (prometheus !== undefined) io.stdout.write(prometheus)
  }
  return job.status === 'completed' ? EXIT.OK : EXIT.FAILED
}

function parseParams(text: string | undefined): Payload {
  if (text === undefined) return {}
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new UsageError('--params must be JSON, e.g. --params \'{"id": 7}\'')
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError('--params must be a JSON object')
  }
  return value as Payload
}

function parseTimeout(text: string): number {
  const ms = Number(text)
  if (!Number.isFinite(ms) || ms <= 0 || ms > 2_147_483_647) {
    throw new UsageError('--timeout must be a positive number of milliseconds')
  }
  return ms
}

function onlyEntry(entryPoints: readonly string[]): string {
  if (entryPoints.length === 1) return entryPoints[0] as string
  if (entryPoints.length === 0)
    throw new UsageError('the flow has no entry point (a routine with a "trigger" slot)')
  throw new UsageError(
    `the flow has several entry points; choose one with --entry: ${entryPoints.join(', ')}`,
  )
}
