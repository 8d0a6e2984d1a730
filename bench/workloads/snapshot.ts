/** Workload (e), job half: snapshot of a JobState after a 1,000-event run, and back. */
import { JobState } from '../../engine'
import { ms, num } from '../lib/format'
import { Probe } from '../lib/probe'
import { PYTHON } from '../lib/python-baseline'
import { checkRuns, timeRun } from '../lib/run'
import { medianOf, repeat } from '../lib/stats'
import { buildFanout, SEQUENTIAL } from './fanout'
import { type BenchOptions, reps, type WorkloadReport } from './types'

const EVENTS = 1000

/** Runs workload (e) for a JobState: toJSON, JSON encode, JSON decode, fromJSON, each timed. */
export async function snapshotWorkload(options: BenchOptions): Promise<WorkloadReport> {
  options.log('(e) job snapshot')
  const probe = new Probe()
  const { flow } = buildFanout(SEQUENTIAL, probe)
  const run = await timeRun(flow, 'src', { count: EVENTS }, probe, EVENTS)
  checkRuns('snapshot source run', [run])
  const job = run.job

  let bytes = 0
  let restored: JobState | undefined
  const steps = await repeat(reps(options, 15), async () => {
    const t0 = performance.now()
    const snapshot = job.toJSON()
    const t1 = performance.now()
    const text = JSON.stringify(snapshot)
    const t2 = performance.now()
    const parsed: unknown = JSON.parse(text)
    const t3 = performance.now()
    restored = JobState.fromJSON(parsed)
    const t4 = performance.now()
    bytes = Buffer.byteLength(text, 'utf8')
    return { serialize: t1 - t0, encode: t2 - t1, decode: t3 - t2, deserialize: t4 - t3, total: t4 - t0 }
  })
  if (
    restored === undefined ||
    restored.history.length !== job.history.length ||
    restored.jobId !== job.jobId
  ) {
    throw new Error('snapshot: the restored job differs from the original')
  }
  const m = (pick: (s: (typeof steps)[number]) => number) => medianOf(steps, pick).median
  const total = m((s) => s.total)
  return {
    id: 'e-job',
    title: '(e) Serialization, JobState',
    tables: [
      {
        title: '(e) Serialization: JobState after a 1,000-event run (to plain data + compact JSON, and back)',
        columns: [
          'object',
          'toJSON ms',
          'JSON encode ms',
          'JSON decode ms',
          'fromJSON ms',
          'round trip ms',
          'Python round trip ms',
          'JSON bytes (compact)',
          'Python bytes',
          'history records',
        ],
        rows: [
          [
            'jobstate_after_1000_events',
            ms(m((s) => s.serialize)),
            ms(m((s) => s.encode)),
            ms(m((s) => s.decode)),
            ms(m((s) => s.deserialize)),
            ms(total),
            ms(PYTHON.snapshotRoundtripMs),
            num(bytes),
            num(PYTHON.snapshotBytes),
            num(job.history.length),
          ],
        ],
      },
    ],
    notes: [
      'fromJSON validates the whole snapshot (a bad one gives INVALID_SNAPSHOT), so its time includes validation.',
    ],
    json: {
      snapshot_roundtrip_ms: total,
      snapshot_bytes: bytes,
      snapshot_serialize_encode_ms: m((s) => s.serialize + s.encode),
      snapshot_decode_deserialize_ms: m((s) => s.decode + s.deserialize),
    },
    headline: [
      {
        metric: '(e) JobState 1k events: round trip ms',
        python: ms(PYTHON.snapshotRoundtripMs),
        ours: ms(total),
      },
      {
        metric: '(e) JobState 1k events: compact JSON bytes',
        python: num(PYTHON.snapshotBytes),
        ours: num(bytes),
      },
    ],
  }
}
