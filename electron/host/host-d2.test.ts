/**
 * D2 through the host: export text (with a run overlay), render SVG with the real compiler, save both
 * into the workspace, and shut the compiler worker down with the host.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDocument } from '../../engine/document/save'
import type { FlowDocument } from '../../engine/document/types'
import type { JobDetail, JobSummary } from '../ipc/contract'
import { call, startTempHost } from './testing/host-test'

const document: FlowDocument = {
  ...createDocument('d2-flow', 'D2 flow'),
  routines: [
    { id: 'start', type: 'flow.trigger', config: {} },
    { id: 'log', type: 'flow.logger', config: {} },
  ],
  connections: [
    { id: 'c1', source: { routine: 'start', event: 'output' }, target: { routine: 'log', slot: 'input' } },
  ],
}

describe('D2 through the host', () => {
  it('exports, overlays a run, renders SVG and saves both formats', { timeout: 120_000 }, async () => {
    const temp = await startTempHost()
    const host = temp.host
    const { job } = await call<{ job: JobSummary }>(host, 'job.start', {
      document,
      entry: 'start',
      params: {},
    })
    for (let i = 0; i < 200; i++) {
      const detail = await call<JobDetail>(host, 'job.get', { jobId: job.jobId })
      if (detail.summary.status === 'completed') break
      await new Promise((r) => setTimeout(r, 10))
    }
    const plain = await call<{ text: string }>(host, 'd2.export', { document, style: 'default' })
    const overlaid = await call<{ text: string }>(host, 'd2.export', {
      document,
      style: 'detailed',
      overlayJobId: job.jobId,
    })
    expect(overlaid.text).not.toBe(plain.text)
    const { svg } = await call<{ svg: string }>(host, 'd2.render', { text: overlaid.text })
    expect(svg).toMatch(/^<\?xml|<svg/)
    await expect(
      call(host, 'd2.save', { path: 'out/flow.d2', format: 'd2', document, style: 'compact' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await call(host, 'workspace.createFolder', { path: 'out' })
    await call(host, 'd2.save', { path: 'out/flow.d2', format: 'd2', document, style: 'compact' })
    await call(host, 'd2.save', { path: 'out/flow.svg', format: 'svg', document, style: 'compact' })
    expect(await readFile(join(temp.workspace, 'out', 'flow.d2'), 'utf8')).toContain('start')
    expect(await readFile(join(temp.workspace, 'out', 'flow.svg'), 'utf8')).toContain('<svg')
    await expect(call(host, 'd2.render', { text: 'a -> {' })).rejects.toMatchObject({
      code: 'D2_COMPILE_ERROR',
    })
  })
})
