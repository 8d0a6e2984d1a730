import { describe, expect, it } from 'vitest'
import { selectConnectionLive, selectRoutineLive } from '../canvas/selectors'
import { batch, connectionLive, jobDetail, jobSummary, jobUpdate, routineLive } from '../run/run-fixtures'
import { createFakeBridge, type Handlers } from '../test/fake-bridge'
import { chainDocument, descriptor } from '../test/fixtures'
import { createStudioStore } from './studio-store'

function setup(handlers: Handlers = {}) {
  const bridge = createFakeBridge({
    'job.get': ({ jobId }) => jobDetail(jobSummary({ jobId })),
    'job.events': () => ({ events: [], oldestSeq: 0, latestSeq: 0 }),
    ...handlers,
  })
  const store = createStudioStore({ bridge, now: () => 5000 })
  store.getState().setRegistry({ descriptors: [descriptor('t.pass')], problems: [] })
  store
    .getState()
    .loadDocument({ doc: chainDocument(), path: null, name: 'Chain', modifiedAt: null, problems: [] })
  return { store, bridge, s: () => store.getState() }
}

describe('run slice: applying batches', () => {
  it('follows the first job of the open flow and publishes its overlays', () => {
    const { s } = setup()
    s().applyBatch(
      batch(1, 1000, [
        jobUpdate({
          jobId: 'other',
          flowId: 'another-flow',
          full: true,
          routines: { a: routineLive({ runs: 9 }) },
        }),
        jobUpdate({
          full: true,
          routines: { a: routineLive({ runs: 1 }) },
          connections: { 'a.output->b.input': connectionLive({ delivered: 1, lastDeliveredAt: 1000 }) },
        }),
      ]),
      1020,
    )
    expect(s().overlayJobId).toBe('job-1')
    expect(s().routineLive.get('a')?.runs).toBe(1)
    expect(s().connectionLive.get('a.output->b.input')).toMatchObject({ delivered: 1, flowing: true })
    expect(s().focusInfo?.lagMs).toBe(20)
  })

  it('gives each node and edge selector the same entry until its own numbers change', () => {
    const { s } = setup()
    s().applyBatch(
      batch(1, 1000, [
        jobUpdate({ full: true, routines: { a: routineLive({ runs: 1 }), b: routineLive() } }),
      ]),
    )
    const selectA = selectRoutineLive('a')
    const selectB = selectRoutineLive('b')
    const a1 = selectA(s())
    const b1 = selectB(s())
    s().applyBatch(
      batch(2, 1033, [jobUpdate({ routines: { b: routineLive({ runs: 1, status: 'completed' }) } })]),
    )
    expect(selectA(s())).toBe(a1)
    expect(selectB(s())).not.toBe(b1)
    expect(selectB(s())?.status).toBe('completed')
    expect(selectConnectionLive('nope')(s())).toBeUndefined()
  })

  it('does not overlay a job of another flow, and re-derives overlays when the document changes', () => {
    const { s } = setup()
    s().applyBatch(batch(1, 1000, [jobUpdate({ full: true, routines: { a: routineLive({ runs: 3 }) } })]))
    s().loadDocument({
      doc: { ...chainDocument(), id: 'different' },
      path: null,
      name: 'Other',
      modifiedAt: null,
      problems: [],
    })
    s().syncOverlays()
    expect(s().routineLive.size).toBe(0)
    expect(s().focusInfo?.jobId).toBe('job-1')
  })

  it('keeps overlays after the run by default, clears them at the end when asked', () => {
    const { s } = setup()
    const done = jobUpdate({
      status: 'completed',
      final: true,
      full: true,
      routines: { a: routineLive({ status: 'completed', runs: 1 }) },
    })
    s().applyBatch(batch(1, 1000, [done]))
    expect(s().routineLive.get('a')?.status).toBe('completed')
    s().setKeepOverlays(false)
    expect(s().routineLive.size).toBe(0)
    s().setKeepOverlays(true)
    expect(s().routineLive.get('a')?.status).toBe('completed')
    // Routines the job never reached show as idle, with one shared entry (no re-render per batch).
    expect(s().routineLive.get('b')).toMatchObject({ status: 'idle', runs: 0 })
    expect(s().routineLive.get('b')).toBe(s().routineLive.get('c'))
    s().clearOverlays()
    expect(s().routineLive.size).toBe(0)
    expect(s().focusInfo?.status).toBe('completed')
  })

  it('ends edge animation on the sweep timer when batches stop arriving', () => {
    const { s } = setup()
    s().applyBatch(
      batch(1, 1000, [
        jobUpdate({ connections: { c: connectionLive({ delivered: 4, lastDeliveredAt: 990 }) } }),
      ]),
      1000,
    )
    expect(s().connectionLive.get('c')?.flowing).toBe(true)
    s().sweepOverlays(1100)
    expect(s().connectionLive.get('c')?.flowing).toBe(true)
    s().sweepOverlays(3000)
    expect(s().connectionLive.get('c')).toMatchObject({ flowing: false, delivered: 4 })
  })
})

describe('run slice: controls', () => {
  it('starts a run from the default entry with the parsed params and overrides, then focuses it', async () => {
    const { s, bridge } = setup({ 'job.start': () => ({ job: jobSummary({ jobId: 'job-9' }) }) })
    s().setRunForm({ paramsText: '{"n": 3}', mode: 'concurrent', maxWorkers: '8' })
    expect(await s().startRun()).toBe('job-9')
    const start = bridge.calls.find((c) => c.method === 'job.start')?.request
    expect(start).toMatchObject({
      entry: 'a',
      slot: 'input',
      params: { n: 3 },
      options: { mode: 'concurrent', maxWorkers: 8 },
    })
    expect(s().overlayJobId).toBe('job-9')
    expect(s().panels.runPanel).toBe(true)
    expect(s().jobs.map((j) => j.jobId)).toEqual(['job-9'])
  })

  it('refuses bad params before calling the host', async () => {
    const { s, bridge } = setup({ 'job.start': () => ({ job: jobSummary() }) })
    s().setRunForm({ paramsText: '[1, 2]' })
    expect(await s().startRun()).toBeNull()
    expect(bridge.calls.some((c) => c.method === 'job.start')).toBe(false)
    expect(s().toasts.at(-1)?.level).toBe('error')
  })

  it('pauses, resumes and cancels only the focused job, and only when that makes sense', async () => {
    const { s, bridge } = setup({
      'job.pause': ({ jobId }) => ({ job: jobSummary({ jobId, status: 'paused' }) }),
      'job.resume': ({ jobId }) => ({ job: jobSummary({ jobId, status: 'running' }) }),
      'job.cancel': ({ jobId }) => ({ job: jobSummary({ jobId, status: 'cancelled' }) }),
    })
    await s().pauseRun()
    expect(bridge.calls).toHaveLength(0)
    s().applyBatch(batch(1, 1000, [jobUpdate({ full: true })]))
    await s().resumeRun()
    expect(bridge.calls.filter((c) => c.method === 'job.resume')).toHaveLength(0)
    await s().pauseRun()
    s().applyBatch(batch(2, 1033, [jobUpdate({ status: 'paused' })]))
    await s().resumeRun()
    s().applyBatch(batch(3, 1066, [jobUpdate({ status: 'running' })]))
    await s().cancelRun()
    expect(
      bridge.calls
        .map((c) => c.method)
        .filter((m) => m.startsWith('job.') && m !== 'job.get' && m !== 'job.events'),
    ).toEqual(['job.pause', 'job.resume', 'job.cancel'])
    expect(s().jobs[0]?.status).toBe('cancelled')
  })
})
