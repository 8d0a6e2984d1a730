import { describe, expect, it } from 'vitest'
import type { JobSummary } from '../../../electron/ipc/contract'
import type { CommandContext } from '../commands/command-context'
import { COMMANDS_BY_ID } from '../commands/commands'
import { createStudioStore } from '../store/studio-store'
import { createFakeBridge } from '../test/fake-bridge'
import { chainDocument, descriptor } from '../test/fixtures'
import { batch, jobDetail, jobSummary, jobUpdate } from './run-fixtures'

const summary = (jobId: string, status: JobSummary['status']): JobSummary =>
  jobSummary({ jobId, status, startedAt: 1 })

describe('run commands (menu items and shortcuts)', () => {
  it('start, pause, resume and cancel through the host, and F5 resumes a paused job', async () => {
    const bridge = createFakeBridge({
      'job.start': () => ({ job: summary('j1', 'running') }),
      'job.pause': ({ jobId }) => ({ job: summary(jobId, 'paused') }),
      'job.resume': ({ jobId }) => ({ job: summary(jobId, 'running') }),
      'job.cancel': ({ jobId }) => ({ job: summary(jobId, 'cancelled') }),
      'job.get': ({ jobId }) => jobDetail(summary(jobId, 'running')),
    })
    const store = createStudioStore({ bridge })
    store.getState().setRegistry({ descriptors: [descriptor('t.pass')], problems: [] })
    store
      .getState()
      .loadDocument({ doc: chainDocument(), path: null, name: 'Chain', modifiedAt: null, problems: [] })
    const ctx = { store } as unknown as CommandContext
    const run = async (id: string) => {
      const command = COMMANDS_BY_ID.get(id)
      expect(command?.group).toBe('Run')
      command?.run(ctx)
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
    const methods = () =>
      bridge.calls.map((c) => c.method).filter((m) => m !== 'job.get' && m !== 'job.events')

    await run('run.start')
    expect(methods()).toEqual(['job.start'])
    store.getState().applyBatch(batch(1, 1, [jobUpdate({ jobId: 'j1' })]))
    await run('run.pause')
    store.getState().applyBatch(batch(2, 2, [jobUpdate({ jobId: 'j1', status: 'paused' })]))
    await run('run.start')
    store.getState().applyBatch(batch(3, 3, [jobUpdate({ jobId: 'j1' })]))
    await run('run.cancel')
    expect(methods()).toEqual(['job.start', 'job.pause', 'job.resume', 'job.cancel'])
    expect(COMMANDS_BY_ID.get('run.start')?.keys).toEqual(['F5'])
    expect(COMMANDS_BY_ID.get('run.pause')?.keys).toEqual(['F6'])
  })
})
