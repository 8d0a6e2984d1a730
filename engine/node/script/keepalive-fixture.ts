/**
 * Run by `keepalive.test.ts` in a child process: one script run, no `dispose()`. The process must
 * still exit on its own, proving idle sandbox workers do not keep it alive.
 */
import { WorkerScriptRunner } from './worker-script-runner'

const runner = new WorkerScriptRunner()
const emitted: string[] = []
await runner.run({
  code: "emit('output', { ok: true })",
  data: {},
  config: {},
  events: ['output'],
  meta: { routineId: 'r', slot: 'input', attempt: 1, jobId: 'j' },
  timeoutMs: 5000,
  memoryMb: 64,
  grants: {},
  onEmit: (event) => emitted.push(event),
  onLog: () => undefined,
})
process.stdout.write(`ran ${emitted.join(',')} workers=${runner.workerCount}\n`)
