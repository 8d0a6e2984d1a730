/**
 * `npm run bench:engine [-- --json] [--quick] [--no-gc] [--cpu-iters N] [--only a,b,c,d,e,f]`: the engine
 * workloads of workloads.md, measured like the Python baseline and printed alongside it.
 */
import { type Entry, parseArgs, runBench } from './lib/harness'
import { chainWorkload } from './workloads/chain'
import { cpuWorkload } from './workloads/cpu'
import { fanoutWorkload } from './workloads/fanout'
import { flowRoundtripWorkload } from './workloads/flow-roundtrip'
import { ioWorkload } from './workloads/io'
import { memoryWorkload } from './workloads/memory'
import { snapshotWorkload } from './workloads/snapshot'

/** Report order. To add a workload, add its module under workloads/ and one line here. */
const WORKLOADS: readonly Entry[] = [
  { id: 'a', run: chainWorkload },
  { id: 'b', run: fanoutWorkload },
  { id: 'c', run: ioWorkload },
  { id: 'd', run: cpuWorkload },
  { id: 'e', run: flowRoundtripWorkload },
  { id: 'e', run: snapshotWorkload },
  { id: 'f', run: memoryWorkload },
]

runBench(
  WORKLOADS,
  parseArgs(process.argv.slice(2)),
  (text) => process.stdout.write(`${text}\n`),
  (line) => process.stderr.write(`${line}\n`),
).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})
