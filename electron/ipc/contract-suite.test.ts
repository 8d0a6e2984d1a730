/**
 * One contract suite, run over both transports: Electron IPC (over a real message channel with
 * structured cloning) and WebSocket (over a real server). Every test talks to a real `StudioHost`
 * through the renderer's own bridge implementations.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createDocument } from '../../engine/document/save'
import type { FlowDocument } from '../../engine/document/types'
import { createTempHost, type TempHost } from '../host/testing/temp-host'
import type { ExecutionBatch, JobUpdate, StreamName, StreamPayloadOf, StudioBridge } from './contract'
import { openIpc, openWebSocket, type TransportName, type TransportUnderTest } from './testing/transports'

let staticDir: string
beforeAll(async () => {
  staticDir = await mkdtemp(join(tmpdir(), 'static-'))
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>t</title>')
})
afterAll(async () => {
  await rm(staticDir, { recursive: true, force: true })
})

/** A trigger feeding a logger: the smallest runnable flow. */
function pipeline(): FlowDocument {
  return {
    ...createDocument('pipeline', 'Pipeline'),
    routines: [
      { id: 'start', type: 'flow.trigger', config: {} },
      { id: 'log', type: 'flow.logger', config: {} },
    ],
    connections: [
      { id: 'c1', source: { routine: 'start', event: 'output' }, target: { routine: 'log', slot: 'input' } },
    ],
    layout: { positions: { start: { x: 0, y: 0 }, log: { x: 200, y: 0 } } },
  }
}

/** Resolves with the first payload of `stream` that satisfies `predicate`. */
function next<S extends StreamName>(
  bridge: StudioBridge,
  stream: S,
  predicate: (payload: StreamPayloadOf<S>) => boolean = () => true,
): Promise<StreamPayloadOf<S>> {
  return new Promise((resolve) => {
    const off = bridge.subscribe(stream, (payload) => {
      if (!predicate(payload)) return
      off()
      resolve(payload)
    })
  })
}

/** Collects every payload of `stream` from now on; `waitFor` resolves with the first match, past or future. */
function collect<S extends StreamName>(bridge: StudioBridge, stream: S) {
  const items: StreamPayloadOf<S>[] = []
  const waiters: {
    predicate: (p: StreamPayloadOf<S>) => boolean
    resolve: (p: StreamPayloadOf<S>) => void
  }[] = []
  const stop = bridge.subscribe(stream, (payload) => {
    items.push(payload)
    for (const waiter of [...waiters]) {
      if (!waiter.predicate(payload)) continue
      waiters.splice(waiters.indexOf(waiter), 1)
      waiter.resolve(payload)
    }
  })
  return {
    items,
    stop,
    waitFor(predicate: (payload: StreamPayloadOf<S>) => boolean): Promise<StreamPayloadOf<S>> {
      const found = items.find(predicate)
      if (found) return Promise.resolve(found)
      return new Promise((resolve) => waiters.push({ predicate, resolve }))
    },
  }
}

const finalUpdate = (jobId: string) => (batch: ExecutionBatch) =>
  batch.jobs.some((j) => j.jobId === jobId && j.final)

describe.each<[TransportName]>([['ipc'], ['websocket']])('contract over %s', (transport) => {
  let temp: TempHost
  let link: TransportUnderTest
  let bridge: StudioBridge

  beforeEach(async () => {
    temp = await createTempHost()
    link = transport === 'ipc' ? await openIpc(temp.host) : await openWebSocket(temp.host, staticDir)
    bridge = link.bridge
  })
  afterEach(async () => {
    await link.close()
    await temp.close()
  })

  it('reports app info with the transport in use', async () => {
    const info = await bridge.call('app.info', {})
    expect(bridge.transport).toBe(transport)
    expect(info).toMatchObject({ name: 'Routilux Studio', transport, workspaceRoot: temp.workspace })
    expect(info.capabilities.nativeDialogs).toBe(false)
    // No application menu owns keys here: the page handles every shortcut itself.
    expect(info.menuKeys).toEqual([])
  })

  it('describes the routine registry', async () => {
    const state = await bridge.call('registry.describe', {})
    expect(state.descriptors.map((d) => d.type)).toEqual(
      expect.arrayContaining(['flow.trigger', 'flow.logger']),
    )
    expect(state.problems).toEqual([])
  })

  it('saves, lists, opens and reports recent documents', async () => {
    const { document } = await bridge.call('document.new', { name: 'Mine' })
    expect(document?.name).toBe('Mine')
    if (!document) throw new Error('no document')
    await bridge.call('workspace.createFolder', { path: 'flows' })
    const saved = await bridge.call('document.saveAs', { path: 'flows/mine.routilux.json', document })
    expect(saved).toMatchObject({ path: 'flows/mine.routilux.json', name: 'mine' })
    const listing = await bridge.call('workspace.list', { dir: 'flows' })
    expect(listing.entries).toEqual([
      expect.objectContaining({ name: 'mine.routilux.json', isFlow: true, kind: 'file' }),
    ])
    const opened = await bridge.call('document.open', { path: 'flows/mine.routilux.json' })
    expect(opened.document).toEqual(document)
    expect(opened.modifiedAt).toBe(saved.modifiedAt)
    const recent = await bridge.call('document.recent', {})
    expect(recent.entries[0]).toMatchObject({ path: 'flows/mine.routilux.json', exists: true })
    await expect(
      bridge.call('document.saveAs', { path: 'flows/mine.routilux.json', document }),
    ).rejects.toMatchObject({
      code: 'FILE_EXISTS',
    })
  })

  it('shows problems and raw text for a malformed file instead of failing', async () => {
    await writeFile(join(temp.workspace, 'broken.routilux.json'), '{"format": "routilux-flow", ')
    const opened = await bridge.call('document.open', { path: 'broken.routilux.json' })
    expect(opened.document).toBeNull()
    expect(opened.text).toContain('routilux-flow')
    expect(opened.problems[0]?.severity).toBe('error')
  })

  it('rejects with plain coded errors', async () => {
    const bad = bridge.call('document.open', { path: 42 } as unknown as { path: string })
    await expect(bad).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(bad.catch((e: unknown) => Object.keys(e as object).sort())).resolves.toEqual(
      expect.arrayContaining(['code', 'message']),
    )
    await expect(bridge.call('nope.method' as 'app.info', {})).rejects.toMatchObject({
      code: 'UNKNOWN_METHOD',
    })
    await expect(bridge.call('document.open', { path: '../escape.routilux.json' })).rejects.toMatchObject({
      code: 'OUTSIDE_WORKSPACE',
    })
    await expect(bridge.call('document.open', { path: 'missing.routilux.json' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    await expect(bridge.call('dialog.open', {})).rejects.toMatchObject({ code: 'UNSUPPORTED' })
  })

  it('refuses to overwrite a file changed on disk since it was opened', async () => {
    const document = createDocument('conflict')
    const saved = await bridge.call('document.saveAs', { path: 'c.routilux.json', document })
    await new Promise((r) => setTimeout(r, 20))
    await writeFile(join(temp.workspace, 'c.routilux.json'), '{}')
    await expect(
      bridge.call('document.save', {
        path: 'c.routilux.json',
        document,
        expectedModifiedAt: saved.modifiedAt,
      }),
    ).rejects.toMatchObject({ code: 'FILE_CONFLICT' })
  })

  it('pushes document.changedOnDisk when an open file changes outside', async () => {
    const document = createDocument('watched')
    await bridge.call('document.saveAs', { path: 'w.routilux.json', document })
    const change = next(bridge, 'document.changedOnDisk')
    await new Promise((r) => setTimeout(r, 20))
    await writeFile(join(temp.workspace, 'w.routilux.json'), '{"changed": true}')
    expect(await change).toMatchObject({ path: 'w.routilux.json', change: 'modified' })
  })

  it('keeps, lists, recovers and discards drafts', async () => {
    const document = createDocument('draft-doc')
    const info = await bridge.call('draft.put', { draftId: 'd1', path: null, name: 'Untitled', document })
    expect(info).toMatchObject({ draftId: 'd1', fromPreviousRun: false })
    expect((await bridge.call('draft.list', {})).drafts.map((d) => d.draftId)).toEqual(['d1'])
    expect((await bridge.call('draft.recover', { draftId: 'd1' })).document).toEqual(document)
    await bridge.call('draft.discard', { draftId: 'd1' })
    expect((await bridge.call('draft.list', {})).drafts).toEqual([])
    await expect(
      bridge.call('draft.put', { draftId: '../x', path: null, name: 'x', document }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    })
    await expect(
      bridge.call('draft.put', { draftId: 'd2', path: '../outside.routilux.json', name: 'x', document }),
    ).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' })
  })

  it('lists and opens examples', async () => {
    const { examples } = await bridge.call('document.listExamples', {})
    expect(examples).toEqual([{ id: 'hello', name: 'Hello example', description: 'A tiny example' }])
    const opened = await bridge.call('document.openExample', { id: 'hello' })
    expect(opened).toMatchObject({ path: null, name: 'Hello example' })
  })

  it('validates, analyzes and exports D2', async () => {
    const document = pipeline()
    expect((await bridge.call('document.validate', { document })).problems).toEqual([])
    const analysis = await bridge.call('document.analyze', { document })
    expect(analysis.entryPoints).toEqual(['start'])
    const { text } = await bridge.call('d2.export', { document, style: 'default' })
    expect(text).toContain('start')
  })

  it('runs a job and streams batches up to a final update', async () => {
    const batches = collect(bridge, 'execution.batch')
    const jobsChanged = collect(bridge, 'jobs.changed')
    const { job } = await bridge.call('job.start', { document: pipeline(), entry: 'start', params: { n: 1 } })
    const done = await batches.waitFor(finalUpdate(job.jobId))
    batches.stop()
    const last = done.jobs.find((j) => j.jobId === job.jobId) as JobUpdate
    expect(last).toMatchObject({ status: 'completed', final: true, full: true })
    expect(last.routines.log).toMatchObject({ status: 'completed', runs: 1 })
    expect(last.connections.c1).toMatchObject({ delivered: 1, errors: 0 })
    expect((await jobsChanged.waitFor((p) => p.jobs.some((j) => j.jobId === job.jobId))).jobs.length).toBe(1)
    jobsChanged.stop()
    const detail = await bridge.call('job.get', { jobId: job.jobId })
    expect(detail.summary.status).toBe('completed')
    expect(detail.routineStates.log?.runs).toBe(1)
    expect((await bridge.call('job.list', {})).jobs[0]?.jobId).toBe(job.jobId)
    const history = await bridge.call('job.history', { jobId: job.jobId, offset: 0, limit: 100 })
    expect(history.total).toBeGreaterThan(0)
    expect((await bridge.call('job.events', { jobId: job.jobId })).events.at(-1)?.event.type).toBe(
      'jobCompleted',
    )
    expect((await bridge.call('job.timeline', { jobId: job.jobId })).spans.length).toBe(2)
  })

  it('refuses to run a document with errors, naming the problems', async () => {
    const document = {
      ...pipeline(),
      routines: [{ id: 'start', type: 'no.such.type', config: {} }],
      connections: [],
    }
    await expect(bridge.call('job.start', { document, entry: 'start', params: {} })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: { problems: expect.any(Array) },
    })
  })

  it('delivers a retained menu command to the first subscriber only once', async () => {
    temp.host.command({ command: 'file.openPath', arg: 'x.routilux.json' })
    expect(await next(bridge, 'menu.command')).toEqual({ command: 'file.openPath', arg: 'x.routilux.json' })
    const pressed = next(bridge, 'menu.command')
    temp.host.command({ command: 'run.start', viaShortcut: true })
    expect(await pressed).toEqual({ command: 'run.start', viaShortcut: true })
  })

  it('serves Prometheus text and toggles the /metrics endpoint', async () => {
    await bridge.call('job.start', { document: pipeline(), entry: 'start', params: {} })
    const on = await bridge.call('metrics.setEndpoint', { enabled: true })
    expect(on.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/)
    const text = await (await fetch(on.url ?? '')).text()
    expect(text).toContain('routilux_flow_executions_total')
    expect((await bridge.call('metrics.text', {})).text).toContain('routilux_flow_executions_total')
    expect(await bridge.call('metrics.setEndpoint', { enabled: false })).toEqual({
      enabled: false,
      url: null,
    })
  })
})
