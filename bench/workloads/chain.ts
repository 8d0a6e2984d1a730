/** Workload (a): linear chain, per-execution latency and per-hop cost (sequential mode). */
import { Flow } from '../../engine'
import { ms, num, range } from '../lib/format'
import { Probe } from '../lib/probe'
import { PYTHON } from '../lib/python-baseline'
import { BenchRelay, BenchSink, BenchSource } from '../lib/routines'
import { checkRuns, type RunTiming, timeRun } from '../lib/run'
import { medianOf, repeat } from '../lib/stats'
import { type BenchOptions, reps, type WorkloadReport } from './types'

const id = (i: number) => `r${String(i).padStart(3, '0')}`

/** A chain source → relays → sink of `n` routines, connected `r[i].out → r[i+1].in`. */
export function buildChain(n: number, probe: Probe): Flow {
  const flow = new Flow({ id: `chain${n}` })
  flow.addRoutine(new BenchSource(), id(0))
  for (let i = 1; i < n - 1; i++) flow.addRoutine(new BenchRelay(), id(i))
  flow.addRoutine(new BenchSink(probe, 'value'), id(n - 1))
  for (let i = 0; i < n - 1; i++) flow.connect(id(i), 'out', id(i + 1), 'in')
  return flow
}

async function measure(n: number, options: BenchOptions, gc: boolean): Promise<RunTiming[]> {
  const probe = new Probe()
  const flow = buildChain(n, probe)
  const runs = await repeat({ ...reps(options, 21), gc }, () => timeRun(flow, id(0), {}, probe, 1))
  checkRuns(`chain N=${n}`, runs)
  if (probe.last !== n - 2) throw new Error(`chain N=${n}: sink got value ${probe.last}, expected ${n - 2}`)
  return runs
}

/** Runs workload (a) for N = 10 and N = 100. */
export async function chainWorkload(options: BenchOptions): Promise<WorkloadReport> {
  options.log('(a) linear chain')
  const protocolGc = !options.noGc
  const small = await measure(10, options, protocolGc)
  const large = await measure(100, options, protocolGc)
  // Also without the GC between repetitions: the forced full GC walks the whole heap (12–15 ms here)
  // and leaves the caches (CPU and V8 lookup caches) cold, so the first sub-millisecond job after it runs several times slower
  // (an untimed three-routine job in between removes most of it); a long-running host never forces one.
  const warmSmall = protocolGc ? await measure(10, options, false) : small
  const warmLarge = protocolGc ? await measure(100, options, false) : large
  const marginal = (a: RunTiming[], b: RunTiming[]) =>
    ((medianOf(b, (r) => r.doneMs).median - medianOf(a, (r) => r.doneMs).median) / 90) * 1000
  const done10 = medianOf(small, (r) => r.doneMs)
  const done100 = medianOf(large, (r) => r.doneMs)
  const marginalUs = marginal(small, large)
  const warmMarginalUs = marginal(warmSmall, warmLarge)
  const latency = medianOf(small, (r) => r.latencyMs)
  const label = protocolGc ? 'GC between reps' : 'no GC between reps'
  const row = (n: number, runs: RunTiming[], pyDone: number, pyWait: number, heap: string) => {
    const done = medianOf(runs, (r) => r.doneMs)
    return [
      `${n} (${heap})`,
      String(n - 1),
      range(done),
      num((done.median / (n - 1)) * 1000, 2),
      ms(pyDone),
      ms(medianOf(runs, (r) => r.execMs).median),
      ms(medianOf(runs, (r) => r.apiMs).median),
      ms(pyWait),
      ms(medianOf(runs, (r) => r.latencyMs).median),
    ]
  }
  return {
    id: 'a',
    title: '(a) Linear chain, sequential mode',
    tables: [
      {
        title: '(a) Linear chain, sequential mode',
        columns: [
          'N routines (heap)',
          'hops',
          'done ms',
          'per hop µs (naive)',
          'Python done ms',
          'execute() returns ms',
          'execute+waitForCompletion ms',
          'Python execute+wait ms',
          'completion latency ms (wait − done)',
        ],
        rows: [
          row(10, small, PYTHON.chainDoneMs10, PYTHON.chainExecWaitMs10, label),
          row(100, large, PYTHON.chainDoneMs100, Number.NaN, label),
          ...(protocolGc
            ? [
                row(10, warmSmall, PYTHON.chainDoneMs10, PYTHON.chainExecWaitMs10, 'no GC between reps'),
                row(100, warmLarge, PYTHON.chainDoneMs100, Number.NaN, 'no GC between reps'),
              ]
            : []),
        ],
      },
    ],
    notes: [
      `Marginal cost per hop ((done@100 − done@10) / 90): ${num(marginalUs, 2)} µs with the protocol's GC between repetitions, ${num(warmMarginalUs, 2)} µs without (Python ${PYTHON.chainHopUsMarginal} µs).`,
      'The protocol forces a full GC before each repetition. It walks the whole heap and leaves the caches (CPU and V8 lookup caches) cold, so the first sub-millisecond job after it runs several times slower (whichever flow it is: one untimed three-routine job in between removes most of the difference). The rows without it show the cost a long-running host sees.',
      '`execute()` only validates and queues the entry delivery, so it returns before any handler runs; Python runs the entry handler inside execute().',
    ],
    json: {
      chain_hop_us: marginalUs,
      chain_hop_us_warm: warmMarginalUs,
      chain_done_ms_n100_warm: medianOf(warmLarge, (r) => r.doneMs).median,
      chain_hop_us_naive_n100: (done100.median / 99) * 1000,
      chain_done_ms_n10: done10.median,
      chain_done_ms_n100: done100.median,
      chain_exec_wait_ms_n10: medianOf(small, (r) => r.apiMs).median,
      completion_latency_ms: latency.median,
    },
    headline: [
      {
        metric: '(a) marginal µs per hop',
        python: num(PYTHON.chainHopUsMarginal, 1),
        ours: num(marginalUs, 2),
      },
      { metric: '(a) marginal µs per hop, no GC between reps', python: '-', ours: num(warmMarginalUs, 2) },
      { metric: '(a) chain N=10, done ms', python: ms(PYTHON.chainDoneMs10), ours: ms(done10.median) },
      { metric: '(a) chain N=100, done ms', python: ms(PYTHON.chainDoneMs100), ours: ms(done100.median) },
      {
        metric: '(a) completion reported after last delivery, ms',
        python: ms(PYTHON.completionLatencyMs),
        ours: ms(latency.median),
      },
    ],
  }
}
