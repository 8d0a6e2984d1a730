/** Workload (d): 8 CPU-bound deliveries of ~50 ms each; speedup of concurrent over sequential mode. */
import { availableParallelism } from 'node:os'
import { Flow, type Routine } from '../../engine'
import { ms, num, range } from '../lib/format'
import { Probe } from '../lib/probe'
import { PYTHON } from '../lib/python-baseline'
import { BenchCpu, BenchCpuOffloaded, BenchSource, minstd } from '../lib/routines'
import { checkRuns, timeRun } from '../lib/run'
import { repeatInterleaved, summarise } from '../lib/stats'
import { MinstdPool } from '../lib/worker-pool'
import { type BenchOptions, reps, type WorkloadReport } from './types'

const TASKS = 8

/** Runs the kernel for about `ms` milliseconds so V8 has tiered it up before anything is timed. */
function warmKernel(ms: number): void {
  const until = performance.now() + ms
  while (performance.now() < until) minstd(1, 100_000)
}

/** Iterations for one ~`targetMs` kernel call on this machine, rounded to a multiple of 1,000. */
export function calibrate(targetMs: number): number {
  const samples: number[] = []
  for (let i = 0; i < 7; i++) {
    const t = performance.now()
    minstd(1, 200_000)
    samples.push(performance.now() - t)
  }
  const per = summarise(samples).median / 200_000
  return Math.max(1000, Math.round(targetMs / per / 1000) * 1000)
}

function build(concurrent: boolean, make: (seed: number) => Routine): Flow {
  const flow = new Flow(
    concurrent ? { id: 'cpu-c4', executionMode: 'concurrent', maxWorkers: 4 } : { id: 'cpu-seq' },
  )
  flow.addRoutine(new BenchSource(), 'src')
  for (let k = 0; k < TASKS; k++) {
    flow.addRoutine(make(k + 1), `cpu${k}`)
    flow.connect('src', 'out', `cpu${k}`, 'in')
  }
  return flow
}

/** Runs workload (d): direct loop, sequential, concurrent(4), and concurrent(4) with worker-thread handlers. */
export async function cpuWorkload(options: BenchOptions): Promise<WorkloadReport> {
  options.log('(d) CPU-bound')
  const targetMs = options.quick ? 5 : 50
  warmKernel(options.quick ? 50 : 1500)
  const iters = options.cpuIters ?? calibrate(targetMs)
  const expected = Array.from({ length: TASKS }, (_, k) => minstd(k + 1, iters)).sort((a, b) => a - b)
  const single = summarise(
    Array.from({ length: 3 }, () => {
      const t = performance.now()
      minstd(1, iters)
      return performance.now() - t
    }),
  ).median

  const pool = new MinstdPool(4)
  const cases = [
    { label: 'sequential', key: 'sequential', concurrent: false, offload: false },
    { label: 'concurrent(maxWorkers=4)', key: 'concurrent4', concurrent: true, offload: false },
    {
      label: 'concurrent(maxWorkers=4), handler awaits a worker thread',
      key: 'concurrent4_worker_threads',
      concurrent: true,
      offload: true,
    },
  ]
  const directLoop = async (): Promise<number> => {
    const t = performance.now()
    for (let k = 0; k < TASKS; k++) minstd(k + 1, iters)
    return performance.now() - t
  }
  const engineCase = (c: (typeof cases)[number]) => {
    const probe = new Probe()
    const flow = build(c.concurrent, (seed) =>
      c.offload
        ? new BenchCpuOffloaded(probe, seed, iters, (s, n) => pool.run(s, n))
        : new BenchCpu(probe, seed, iters),
    )
    return async (): Promise<number> => {
      const run = await timeRun(flow, 'src', {}, probe, TASKS, true)
      const got = [...(probe.values ?? [])].sort((a, b) => a - b)
      if (got.join() !== expected.join()) throw new Error(`cpu ${c.label}: wrong results ${got.join()}`)
      checkRuns(`cpu ${c.label}`, [run])
      return run.doneMs
    }
  }
  let results: number[][]
  try {
    // Round-robin: each repetition runs every case once, so drift hits all of them alike.
    results = await repeatInterleaved(reps(options, 7), [directLoop, ...cases.map(engineCase)])
  } finally {
    await pool.close()
  }
  const direct = summarise(results[0] ?? [])
  const measured: Record<string, { done: ReturnType<typeof summarise> }> = {}
  cases.forEach((c, i) => {
    measured[c.key] = { done: summarise(results[i + 1] ?? []) }
  })
  const seq = measured.sequential
  const conc = measured.concurrent4
  const workers = measured.concurrent4_worker_threads
  const speedup = (seq?.done.median ?? Number.NaN) / (conc?.done.median ?? Number.NaN)
  const workerSpeedup = (seq?.done.median ?? Number.NaN) / (workers?.done.median ?? Number.NaN)
  const pyDone: Record<string, number> = {
    sequential: PYTHON.cpuDoneMsSeq,
    concurrent4: PYTHON.cpuDoneMsConc4,
  }
  return {
    id: 'd',
    title: '(d) CPU-bound',
    tables: [
      {
        title: `(d) CPU-bound: ${TASKS} routines x MINSTD ${num(iters)} iterations (single task ${ms(single)} ms)`,
        columns: ['mode', 'done ms', 'Python done ms'],
        rows: [
          ['direct loop, no engine (8 tasks)', range(direct), ms(PYTHON.cpuDirectLoopMs)],
          ...cases.map((c) => [
            c.label,
            range(measured[c.key]?.done ?? summarise([])),
            ms(pyDone[c.key] ?? Number.NaN),
          ]),
        ],
      },
    ],
    notes: [
      `Speedup concurrent(4)/sequential with synchronous handlers: ${num(speedup, 2)}x (Python ${PYTHON.cpuSpeedup}x, GIL-bound).`,
      `Speedup with handlers that await a 4-thread worker pool: ${num(workerSpeedup, 2)}x on ${availableParallelism()} logical CPUs.`,
      'The kernel is warmed up (tiered up by V8) before calibration, and the cases run round-robin, one repetition of each in turn, so JIT and machine-load drift hit all of them alike.',
      'Node runs synchronous handlers on the one event-loop thread, so maxWorkers cannot parallelise CPU-bound synchronous code: the limit is the thread, not the scheduler. maxWorkers > 1 overlaps handlers that await, so CPU work moved to worker threads (awaited by the handler) runs in parallel up to the number of cores.',
      options.cpuIters === undefined
        ? `MINSTD iterations calibrated to ~${targetMs} ms per task in JS: ${num(iters)} (Python: ${num(PYTHON.cpuIters)} for 50 ms, so a JS iteration is ~${num((iters * (50 / targetMs)) / PYTHON.cpuIters, 1)}x faster).`
        : `MINSTD iterations fixed by --cpu-iters: ${num(iters)}.`,
    ],
    json: {
      cpu_speedup: speedup,
      cpu_speedup_worker_threads: workerSpeedup,
      cpu_iters: iters,
      cpu_done_ms_sequential: seq?.done.median ?? Number.NaN,
      cpu_done_ms_concurrent4: conc?.done.median ?? Number.NaN,
      cpu_direct_loop_ms: direct.median,
    },
    headline: [
      {
        metric: '(d) CPU speedup concurrent(4)/sequential (sync handlers)',
        python: num(PYTHON.cpuSpeedup, 2),
        ours: num(speedup, 2),
      },
      {
        metric: '(d) CPU speedup, handlers awaiting worker threads',
        python: '-',
        ours: num(workerSpeedup, 2),
      },
    ],
  }
}
