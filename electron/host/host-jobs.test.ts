/**
 * Host tests of jobs over the real engine: plugins in the registry, retries in the live aggregates,
 * the job history across restarts, and a paused job's snapshot resumed by a new host with nothing
 * lost or repeated.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDocument } from '../../engine/document/save'
import type { FlowDocument } from '../../engine/document/types'
import type { JobDetail, JobSummary, RegistryState, SnapshotInfo } from '../ipc/contract'
import { loadNodePlugins } from './registry/node-plugins'
import { call, startTempHost, waitFor } from './testing/host-test'
import type { TempHost } from './testing/temp-host'

const PLUGIN = `
let flakyCalls = 0
export default (api) => [
  {
    id: 'test.slow',
    title: 'Slow',
    category: 'utils',
    description: 'Waits a little, then passes the payload on.',
    slots: [{ name: 'input', handler: async (data, ctx) => { await new Promise((r) => setTimeout(r, 25)); ctx.emit('output', data) } }],
    events: [{ name: 'output', params: [] }],
  },
  {
    id: 'test.flaky',
    title: 'Flaky',
    category: 'utils',
    description: 'Fails twice, then succeeds.',
    slots: [{ name: 'input', handler: (data, ctx) => { flakyCalls += 1; if (flakyCalls <= 2) throw new api.RoutiluxError('HANDLER_ERROR', 'not yet'); ctx.emit('output', data) } }],
    events: [{ name: 'output', params: [] }],
  },
]
`

async function hostWithPlugins(): Promise<TempHost> {
  const created = await startTempHost({ loadPlugins: loadNodePlugins })
  await mkdir(join(created.appData, 'plugins'), { recursive: true })
  await writeFile(join(created.appData, 'plugins', 'test-plugin.mjs'), PLUGIN)
  await writeFile(join(created.appData, 'plugins', 'broken.mjs'), 'export default 42')
  await call(created.host, 'registry.reloadPlugins', {})
  return created
}

/** trigger → splitter (items) → slow → logger */
function slowPipeline(): FlowDocument {
  return {
    ...createDocument('slow-flow', 'Slow flow'),
    routines: [
      { id: 'start', type: 'flow.trigger', config: {} },
      { id: 'split', type: 'flow.splitter', config: { field: 'items' } },
      { id: 'slow', type: 'test.slow', config: {} },
      { id: 'log', type: 'flow.logger', config: {} },
    ],
    connections: [
      {
        id: 'c1',
        source: { routine: 'start', event: 'output' },
        target: { routine: 'split', slot: 'input' },
      },
      { id: 'c2', source: { routine: 'split', event: 'item' }, target: { routine: 'slow', slot: 'input' } },
      { id: 'c3', source: { routine: 'slow', event: 'output' }, target: { routine: 'log', slot: 'input' } },
    ],
  }
}

describe('host jobs', () => {
  it('loads plugins into the registry and reports broken ones', async () => {
    const temp = await hostWithPlugins()
    const state = await call<RegistryState>(temp.host, 'registry.describe', {})
    expect(state.descriptors.find((d) => d.type === 'test.slow')?.source).toMatchObject({
      plugin: expect.any(String),
    })
    expect(state.problems.some((p) => p.message.includes('broken.mjs'))).toBe(true)
  })

  it('counts retries and errors of a routine that fails twice, then succeeds', async () => {
    const temp = await hostWithPlugins()
    const document: FlowDocument = {
      ...createDocument('retry-flow'),
      routines: [
        { id: 'start', type: 'flow.trigger', config: {} },
        {
          id: 'flaky',
          type: 'test.flaky',
          config: {},
          errorHandler: { strategy: 'retry', maxRetries: 3, retryDelayMs: 1 },
        },
      ],
      connections: [
        {
          id: 'c1',
          source: { routine: 'start', event: 'output' },
          target: { routine: 'flaky', slot: 'input' },
        },
      ],
    }
    const { job } = await call<{ job: JobSummary }>(temp.host, 'job.start', {
      document,
      entry: 'start',
      params: {},
    })
    const detail = await waitFor(async () => {
      const d = await call<JobDetail>(temp.host, 'job.get', { jobId: job.jobId })
      return d.summary.status === 'completed' ? d : undefined
    }, 'the retrying job')
    expect(detail.live?.routines.flaky).toMatchObject({
      status: 'completed',
      errors: 2,
      retries: 2,
      runs: 3,
      attempt: 3,
    })
    expect(detail.errors.map((e) => e.attempt)).toEqual([1, 2])
    expect(detail.errors[0]?.error).toMatchObject({
      code: 'HANDLER_ERROR',
      message: 'not yet',
      stack: expect.any(String),
    })
  })

  it('resumes a paused job from its snapshot after a restart, with nothing lost or repeated', async () => {
    const temp = await hostWithPlugins()
    const items = Array.from({ length: 40 }, (_, i) => i)
    const { job } = await call<{ job: JobSummary }>(temp.host, 'job.start', {
      document: slowPipeline(),
      entry: 'start',
      params: { items },
    })
    await waitFor(async () => {
      const d = await call<JobDetail>(temp.host, 'job.get', { jobId: job.jobId })
      // Deliveries run FIFO: every item reaches the slow routine before the first reaches the logger.
      return (d.routineStates.slow?.runs ?? 0) >= 3 ? d : undefined
    }, 'three items through the slow routine')
    const paused = await call<{ job: JobSummary }>(temp.host, 'job.pause', { jobId: job.jobId })
    expect(paused.job.status).toBe('paused')
    const before = await call<JobDetail>(temp.host, 'job.get', { jobId: job.jobId })
    expect(before.routineStates.slow?.runs ?? 0).toBeLessThan(items.length)
    const saved = await call<SnapshotInfo>(temp.host, 'snapshot.save', { jobId: job.jobId })
    expect(saved).toMatchObject({ path: expect.stringMatching(/^@snapshots\//), status: 'paused' })
    expect(saved.pendingDeliveries).toBeGreaterThan(0)

    const host = await temp.restart({ loadPlugins: loadNodePlugins })
    const { snapshots } = await call<{ snapshots: SnapshotInfo[] }>(host, 'snapshot.list', {})
    // The job was not resumed after the snapshot was saved: the host kept it as that one snapshot.
    expect(snapshots.map((s) => s.path)).toEqual([saved.path])
    const listed = (await call<{ jobs: JobSummary[] }>(host, 'job.list', {})).jobs
    expect(listed.find((j) => j.jobId === job.jobId)).toMatchObject({
      status: 'paused',
      snapshot: saved.path,
    })
    const restored = await call<{ job: JobSummary }>(host, 'snapshot.restore', { path: saved.path })
    expect(restored.job).toMatchObject({ jobId: job.jobId, status: 'paused', restoredFrom: saved.path })
    await call(host, 'job.resume', { jobId: job.jobId })
    const finished = await waitFor(async () => {
      const d = await call<JobDetail>(host, 'job.get', { jobId: job.jobId })
      return d.summary.status === 'completed' ? d : undefined
    }, 'the resumed job')
    expect(finished.routineStates.slow?.runs).toBe(items.length)
    expect(finished.routineStates.log?.runs).toBe(items.length)
    const logged = finished.output.map((o) => (o.data as { item?: number } | undefined)?.item)
    expect([...logged].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(items)
  })

  it('keeps the job history across restarts', async () => {
    const temp = await startTempHost()
    const document: FlowDocument = {
      ...createDocument('h'),
      routines: [{ id: 'start', type: 'flow.trigger', config: {} }],
    }
    const { job } = await call<{ job: JobSummary }>(temp.host, 'job.start', {
      document,
      entry: 'start',
      params: {},
    })
    await waitFor(async () => {
      const d = await call<JobDetail>(temp.host, 'job.get', { jobId: job.jobId })
      return d.summary.status === 'completed' ? d : undefined
    }, 'the job')
    const host = await temp.restart()
    const { jobs } = await call<{ jobs: JobSummary[] }>(host, 'job.list', {})
    expect(jobs).toEqual([expect.objectContaining({ jobId: job.jobId, status: 'completed', live: false })])
    expect((await call<JobDetail>(host, 'job.get', { jobId: job.jobId })).routineStates.start?.runs).toBe(1)
    await call(host, 'job.clearFinished', {})
    expect((await call<{ jobs: JobSummary[] }>(host, 'job.list', {})).jobs).toEqual([])
  })

  it('imports a Python Routilux flow as an untitled document', async () => {
    const temp = await startTempHost()
    const source = JSON.stringify({ _type: 'Flow', flow_id: 'py', routines: {}, connections: [] })
    const opened = await call<{ path: null; document: FlowDocument | null }>(
      temp.host,
      'document.importPython',
      {
        source,
        fileName: 'flow.json',
      },
    )
    expect(opened.path).toBeNull()
    expect(opened.document?.format).toBe('routilux-flow')
  })
})
