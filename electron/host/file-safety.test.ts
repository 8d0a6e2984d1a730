/**
 * Crash tests for the host's file safety: the process "dies" at a chosen file-system step (every later
 * operation fails too, so no cleanup runs), then a new host starts on the same folders. Whatever the
 * moment of the crash, the user's work is either in the file or offered back as a draft.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDocument, saveDocument } from '../../engine/document/save'
import type { FlowDocument } from '../../engine/document/types'
import type { StreamPayloadOf } from '../ipc/contract'
import type { StudioHost } from './studio-host'
import { crashingFs, SimulatedCrash } from './testing/crashing-fs'
import { call, startTempHost } from './testing/host-test'

/** The drafts a freshly started host offers (the retained `draft.recoveryOffered` payload). */
function offered(host: StudioHost): StreamPayloadOf<'draft.recoveryOffered'> | undefined {
  let payload: StreamPayloadOf<'draft.recoveryOffered'> | undefined
  const connection = host.endpoint.connect('websocket', (stream, value) => {
    if (stream === 'draft.recoveryOffered') payload = value as StreamPayloadOf<'draft.recoveryOffered'>
    return true
  })
  connection.subscribe('draft.recoveryOffered')
  connection.close()
  return payload
}

function edited(name: string): FlowDocument {
  return { ...createDocument('doc', name), description: 'edited after the last save' }
}

describe('crash safety', () => {
  it('crash between write and rename of a save: old file intact, edits offered as a draft', async () => {
    // Renames: 1 = the autosave draft, 2 = the .bak copy, 3 = the document itself (crash).
    const temp = await startTempHost({ fs: crashingFs('rename', 3) })
    const original = saveDocument(createDocument('doc', 'Original'))
    await writeFile(join(temp.workspace, 'flow.routilux.json'), original)
    const opened = await call<{ modifiedAt: number }>(temp.host, 'document.open', {
      path: 'flow.routilux.json',
    })
    const document = edited('Edited')
    await call(temp.host, 'draft.put', {
      draftId: 'draft-1',
      path: 'flow.routilux.json',
      name: 'flow',
      document,
    })
    await expect(
      call(temp.host, 'document.save', {
        path: 'flow.routilux.json',
        document,
        expectedModifiedAt: opened.modifiedAt,
        draftId: 'draft-1',
      }),
    ).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('simulated crash') })

    const host = await temp.restart({ fs: undefined })
    expect(await readFile(join(temp.workspace, 'flow.routilux.json'), 'utf8')).toBe(original)
    expect(await readFile(join(temp.workspace, 'flow.routilux.json.bak'), 'utf8')).toBe(original)
    const offer = offered(host)
    expect(offer?.drafts).toEqual([
      expect.objectContaining({ draftId: 'draft-1', path: 'flow.routilux.json', fromPreviousRun: true }),
    ])
    const recovered = await call<{ document: FlowDocument }>(host, 'draft.recover', { draftId: 'draft-1' })
    expect(recovered.document).toEqual(document)
    const listing = await call<{ entries: { name: string }[] }>(host, 'workspace.list', { dir: '' })
    // The half-finished temp file is hidden; the backup stays visible as a way back.
    expect(listing.entries.map((e) => e.name)).toEqual(['flow.routilux.json', 'flow.routilux.json.bak'])
  })

  it('crash between autosave and save: the draft survives the restart', async () => {
    const temp = await startTempHost()
    const document = edited('Never saved')
    await call(temp.host, 'draft.put', { draftId: 'untitled-1', path: null, name: 'Untitled', document })
    // The app dies here: no save ever happens.
    const host = await temp.restart()
    expect(offered(host)?.drafts.map((d) => d.draftId)).toEqual(['untitled-1'])
    expect(
      (await call<{ document: FlowDocument }>(host, 'draft.recover', { draftId: 'untitled-1' })).document,
    ).toEqual(document)
  })

  it('crash while writing the autosave: the previous draft stays readable', async () => {
    const temp = await startTempHost()
    const first = edited('First autosave')
    await call(temp.host, 'draft.put', { draftId: 'd', path: null, name: 'x', document: first })
    const host = await temp.restart({ fs: crashingFs('rename') })
    await expect(
      call(host, 'draft.put', { draftId: 'd', path: null, name: 'x', document: edited('Second') }),
    ).rejects.toBeDefined()
    const after = await temp.restart({ fs: undefined })
    expect(
      (await call<{ document: FlowDocument }>(after, 'draft.recover', { draftId: 'd' })).document,
    ).toEqual(first)
  })

  it('crash after the save but before the draft was removed: nothing is offered twice', async () => {
    const temp = await startTempHost()
    const document = edited('Saved')
    await call(temp.host, 'draft.put', {
      draftId: 'd2',
      path: 'saved.routilux.json',
      name: 'saved',
      document,
    })
    await call(temp.host, 'document.saveAs', { path: 'saved.routilux.json', document })
    const host = await temp.restart()
    expect(offered(host)).toBeUndefined()
    expect(await readdir(join(temp.appData, 'drafts'))).toEqual([])
  })

  it('a successful save removes its draft and keeps the previous version as .bak', async () => {
    const temp = await startTempHost()
    const v1 = createDocument('doc', 'v1')
    await call(temp.host, 'document.saveAs', { path: 'a.routilux.json', document: v1 })
    const v2 = edited('v2')
    await call(temp.host, 'draft.put', { draftId: 'd3', path: 'a.routilux.json', name: 'a', document: v2 })
    await call(temp.host, 'document.save', { path: 'a.routilux.json', document: v2, draftId: 'd3' })
    expect(await readFile(join(temp.workspace, 'a.routilux.json'), 'utf8')).toBe(saveDocument(v2))
    expect(await readFile(join(temp.workspace, 'a.routilux.json.bak'), 'utf8')).toBe(saveDocument(v1))
    expect((await call<{ drafts: unknown[] }>(temp.host, 'draft.list', {})).drafts).toEqual([])
  })

  it('the simulated crash really stops every later operation', async () => {
    const fs = crashingFs('rename')
    await expect(fs.rename('/nonexistent/a', '/nonexistent/b')).rejects.toBeInstanceOf(SimulatedCrash)
    await expect(fs.unlink('/nonexistent/c')).rejects.toBeInstanceOf(SimulatedCrash)
  })
})
