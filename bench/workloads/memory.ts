/** Workload (f): peak memory of the 10,000-event fan-out, each mode in a fresh child process. */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { num } from '../lib/format'
import { PYTHON } from '../lib/python-baseline'
import type { BenchOptions, WorkloadReport } from './types'

interface ChildResult {
  readonly mode: string
  readonly rssBeforeKiB: number
  readonly peakRssKiB: number
  readonly rssGrowthKiB: number
  readonly peakHeapOverBaselineKiB: number
  readonly retainedKiB: number
  readonly historyRecords: number
}

const CHILD = fileURLToPath(new URL('./memory-child.ts', import.meta.url))

function runChild(mode: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD, mode], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString()
    })
    child.on('error', reject)
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? ''
      if (code !== 0 || last === '') {
        reject(new Error(`memory child (${mode}) exited with ${code}: ${err.trim()}`))
        return
      }
      resolve(JSON.parse(last) as ChildResult)
    })
  })
}

const MIB = 1024

/** Runs workload (f) for sequential and concurrent(4) mode. */
export async function memoryWorkload(options: BenchOptions): Promise<WorkloadReport> {
  options.log('(f) memory (child processes)')
  const seq = await runChild('sequential')
  const conc = await runChild('concurrent4')
  const python = {
    sequential: [
      PYTHON.memPeakHeapKiBSeq,
      PYTHON.memRetainedKiBSeq,
      PYTHON.memPeakRssKiBSeq,
      PYTHON.memRssGrowthKiBSeq,
    ],
    concurrent4: [
      PYTHON.memPeakHeapKiBConc4,
      PYTHON.memRetainedKiBConc4,
      PYTHON.memPeakRssKiBConc4,
      PYTHON.memRssGrowthKiBConc4,
    ],
  } as Record<string, number[]>
  const rows = [seq, conc].map((r) => {
    const py = python[r.mode] ?? []
    return [
      r.mode === 'sequential' ? 'sequential' : 'concurrent(maxWorkers=4)',
      num(r.peakHeapOverBaselineKiB),
      num(py[0] ?? Number.NaN),
      num(r.retainedKiB),
      num(py[1] ?? Number.NaN),
      num(r.rssBeforeKiB),
      num(r.peakRssKiB),
      num(py[2] ?? Number.NaN),
      num(r.rssGrowthKiB),
      num(py[3] ?? Number.NaN),
    ]
  })
  return {
    id: 'f',
    title: '(f) Memory',
    tables: [
      {
        title: '(f) Memory for (b) (10,000 events, fresh process per mode), KiB',
        columns: [
          'mode',
          'V8 heap peak over baseline',
          'Python tracemalloc peak',
          'heap retained after completion + gc',
          'Python retained',
          'RSS before execute',
          'peak RSS (VmHWM)',
          'Python peak RSS',
          'peak RSS growth',
          'Python RSS growth',
        ],
        rows,
      },
    ],
    notes: [
      "Heap peak: V8 used_heap_size sampled every 100 emits and every 100 deliveries, minus the value after a full GC before execute. It counts garbage not yet collected, so it is an upper bound on live memory (tracemalloc counts live Python allocations). Peak RSS: VmHWM after writing 5 to /proc/self/clear_refs. The RSS of a Node process (~40+ MB at rest) is not comparable in absolute terms with CPython's; compare the growth.",
      `Retained: the flow and the finished job are still referenced; the job keeps its capped history (${seq.historyRecords} records) and aggregate tracker, nothing per event.`,
    ],
    json: {
      fanout_peak_heap_mb: seq.peakHeapOverBaselineKiB / MIB,
      fanout_peak_heap_mb_concurrent4: conc.peakHeapOverBaselineKiB / MIB,
      fanout_retained_heap_mb: seq.retainedKiB / MIB,
      fanout_peak_rss_growth_mb: seq.rssGrowthKiB / MIB,
      fanout_peak_rss_growth_mb_concurrent4: conc.rssGrowthKiB / MIB,
      fanout_peak_rss_mb: seq.peakRssKiB / MIB,
    },
    headline: [
      {
        metric: '(f) fan-out seq: heap peak over baseline, MiB',
        python: num(PYTHON.memPeakHeapKiBSeq / MIB, 1),
        ours: num(seq.peakHeapOverBaselineKiB / MIB, 1),
      },
      {
        metric: '(f) fan-out seq: peak RSS growth, MiB',
        python: num(PYTHON.memRssGrowthKiBSeq / MIB, 1),
        ours: num(seq.rssGrowthKiB / MIB, 1),
      },
    ],
  }
}
