/**
 * Child process of workload (f): measures one mode of the 10,000-event fan-out in a fresh process and
 * prints one JSON line. Run as `node --expose-gc --import tsx bench/workloads/memory-child.ts <mode>`.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { getHeapStatistics } from 'node:v8'
import { Probe } from '../lib/probe'
import { fullGc } from '../lib/stats'
import { buildFanout, CONCURRENT4, FANOUT_EVENTS, SEQUENTIAL } from './fanout'

/** One line of /proc/self/status in KiB (VmRSS, VmHWM). */
function statusKiB(field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'))
  return match === null ? Number.NaN : Number(match[1])
}

async function main(): Promise<void> {
  const mode = process.argv[2] === 'concurrent4' ? CONCURRENT4 : SEQUENTIAL
  const params = { count: FANOUT_EVENTS }

  // Part 1: peak RSS (VmHWM after resetting it through clear_refs).
  const probe = new Probe()
  const first = buildFanout(mode, probe)
  fullGc()
  writeFileSync('/proc/self/clear_refs', '5')
  const rssBefore = statusKiB('VmRSS')
  probe.reset(FANOUT_EVENTS)
  await first.flow.waitForCompletion(first.flow.execute('src', params))
  const peakRss = statusKiB('VmHWM')

  // Part 2: V8 heap, sampled every 100 emits and every 100 deliveries during a run on a new flow.
  let peakHeap = 0
  const sample = (i: number) => {
    if (i % 100 === 0) peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size)
  }
  const heapProbe = new Probe()
  const sampled = buildFanout(mode, heapProbe, sample)
  fullGc()
  const heapBefore = getHeapStatistics().used_heap_size
  heapProbe.reset(FANOUT_EVENTS)
  heapProbe.onHit = sample
  const job = sampled.flow.execute('src', params)
  await sampled.flow.waitForCompletion(job)
  sample(0)
  fullGc()
  const retained = getHeapStatistics().used_heap_size - heapBefore
  if (probe.count !== FANOUT_EVENTS || heapProbe.count !== FANOUT_EVENTS || job.status !== 'completed') {
    throw new Error(`memory ${mode.key}: counts ${probe.count}/${heapProbe.count}, status ${job.status}`)
  }
  process.stdout.write(
    `${JSON.stringify({
      mode: mode.key,
      rssBeforeKiB: rssBefore,
      peakRssKiB: peakRss,
      rssGrowthKiB: peakRss - rssBefore,
      peakHeapOverBaselineKiB: (peakHeap - heapBefore) / 1024,
      retainedKiB: retained / 1024,
      // Keeps the flow and the job referenced until after the retained figure, as Python's harness does.
      historyRecords: job.history.length,
    })}\n`,
  )
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
