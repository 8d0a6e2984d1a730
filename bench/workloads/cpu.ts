/** Workload (d): 8 CPU-bound deliveries of ~50 ms each; speedup of concurrent over sequential mode. */
import { availableParallelism } from 'node:os'
import { createBuiltinRoutines, Flow, type Routine, RoutineRegistry } from '../../engine'
import { WorkerScriptRunner } from '../../engine/node'
import { ms, num, range } from '../lib/format'
import { Probe } from '../lib/probe'
import { PYTHON } from '../lib/python-baseline'
import { BenchCpu, BenchCpuOffloaded, BenchProbeSink, BenchSource, minstd } from '../lib/routines'
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

/** How a case's CPU routines do their work. */
interface Case {
  readonly label: string
  readonly key: string
  readonly concurrent: boolean
  /** `sync`: on the event-loop thread; `pool`: awaited from a worker pool; `script`: the script routine. */
  readonly kind: 'sync' | 'pool' | 'script'
}

/** The kernel as a `script.javascript` routine: it runs in the host's sandboxed worker threads. */
const SCRIPT_KERNEL = `let x = config.seed
for (let i = 0; i < config.iters; i++) x = (x * 48271) % 2147483647
emit('result', { x })`

/** src → 8 script routines → one probe sink (the script's result comes back as an event). */
function buildScripted(registry: RoutineRegistry, probe: Probe, iters: number): Flow {
  const flow = new Flow({ id: 'cpu-script', executionMode: 'concurrent', maxWorkers: 4 })
  flow.addRoutine(new BenchSource(), 'src')
  flow.addRoutine(new BenchProbeSink(probe, 'x'), 'sink')
  for (let k = 0; k < TASKS; k++) {
    const made = registry.instantiate({
      type: 'script.javascript',
      config: {
        code: SCRIPT_KERNEL,
        slots: ['in'],
        events: ['result'],
        timeout_ms: 600_000,
        seed: k + 1,
        iters,
      },
    })
    if (made.problems.length > 0) throw new Error(`script routine: ${JSON.stringify(made.problems)}`)
    flow.addRoutine(made.routine, `cpu${k}`)
    flow.connect('src', 'out', `cpu${k}`, 'in')
    flow.connect(`cpu${k}`, 'result', 'sink', 'in')
  }
  return flow
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
  const scripts = new WorkerScriptRunner()
  const registry = new RoutineRegistry(createBuiltinRoutines({ scriptRunner: scripts }))
  const cases: readonly Case[] = [
    { label: 'sequential', key: 'sequential', concurrent: false, kind: 'sync' },
    { label: 'concurrent(maxWorkers=4)', key: 'concurrent4', concurrent: true, kind: 'sync' },
    {
      label: 'concurrent(maxWorkers=4), handler awaits a 4-thread worker pool',
      key: 'concurrent4_worker_threads',
      concurrent: true,
      kind: 'pool',
    },
    {
      label: 'concurrent(maxWorkers=4), script routine (sandboxed workers, host default pool)',
      key: 'concurrent4_script',
      concurrent: true,
      kind: 'script',
    },
  ]
  const directLoop = async (): Promise<number> => {
    const t = performance.now()
    for (let k = 0; k < TASKS; k++) minstd(k + 1, iters)
    return performance.now() - t
  }
  const engineCase = (c: Case) => {
    const probe = new Probe()
    const flow =
      c.kind === 'script'
        ? buildScripted(registry, probe, iters)
        : build(c.concurrent, (seed) =>
            c.kind === 'pool'
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
    await scripts.dispose()
  }
  const direct = summarise(results[0] ?? [])
  const measured: Record<string, { done: ReturnType<typeof summarise> }> = {}
  cases.forEach((c, i) => {
    measured[c.key] = { done: summarise(results[i + 1] ?? []) }
  })
  const seq = measured.sequential
  const conc = measured.concurrent4
  const workers = measured.concurrent4_worker_threads
  const script = measured.concurrent4_script
  const speedup = (seq?.done.median ?? Number.NaN) / (conc?.done.median ?? Number.NaN)
  const workerSpeedup = (seq?.done.median ?? Number.NaN) / (workers?.done.median ?? Number.NaN)
  const scriptSpeedup = (seq?.done.median ?? Number.NaN) / (script?.done.median ?? Number.NaN)
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
      `Speedup with the script routine (user code in the host's sandboxed worker pool, 2 workers by default; a fresh vm context and JSON messages per run): ${num(scriptSpeedup, 2)}x.`,
      'The kernel is warmed up (tiered up by V8) before calibration, and the cases run round-robin, one repetition of each in turn, so JIT and machine-load drift hit all of them alike.',
      'Node runs synchronous handlers on the one event-loop thread, so maxWorkers cannot parallelise CPU-bound synchronous code: the limit is the thread, not the scheduler. maxWorkers > 1 overlaps handlers that await, so CPU work moved to worker threads (awaited by the handler) runs in parallel up to the number of cores.',
      options.cpuIters === undefined
        ? `MINSTD iterations calibrated to ~${targetMs} ms per task in JS: ${num(iters)} (Python: ${num(PYTHON.cpuIters)} for 50 ms, so a JS iteration is ~${num((iters * (50 / targetMs)) / PYTHON.cpuIters, 1)}x faster).`
        : `MINSTD iterations fixed by --cpu-iters: ${num(iters)}.`,
    ],
    json: {
      cpu_speedup: speedup,
      cpu_speedup_worker_threads: workerSpeedup,
      cpu_speedup_script_routine: scriptSpeedup,
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
