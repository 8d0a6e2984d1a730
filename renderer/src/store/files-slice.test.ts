import { afterEach, describe, expect, it, vi } from 'vitest'
import type { OpenedDocument, SavedDocument } from '../../../electron/ipc/contract'
import type { FlowDocument } from '../../../engine/document/types'
import { createFakeBridge, DRAFT_HANDLERS, type Handlers, STARTUP_HANDLERS } from '../test/fake-bridge'
import { chainDocument } from '../test/fixtures'
import { isDirty } from './files-slice'
import { connectHost } from './host-link'
import { createStudioStore } from './studio-store'

const opened = (doc: FlowDocument | null, path: string | null = 'chain.routilux.json'): OpenedDocument => ({
  path,
  name: 'chain',
  document: doc,
  problems: [],
  modifiedAt: 100,
})

const savedAs = (path: string): SavedDocument => ({
  path,
  name: path.replace('.routilux.json', ''),
  modifiedAt: 200,
  problems: [],
})

function setup(extra: Handlers = {}) {
  const bridge = createFakeBridge({
    'document.open': () => opened(chainDocument()),
    'document.save': ({ path }) => savedAs(path),
    'document.saveAs': ({ path }) => savedAs(path),
    'document.recent': () => ({ entries: [] }),
    ...DRAFT_HANDLERS,
    ...extra,
  })
  const store = createStudioStore({ bridge, now: () => 1234 })
  return { bridge, store, s: () => store.getState() }
}

/** An edited untitled flow asked to start a new one, "Save first" chosen: the save dialog is open. */
async function saveFirstOfUntitled() {
  const { s } = setup({ 'app.info': () => ({}) as never })
  s().addNote({ x: 0, y: 0 })
  let proceeded = 0
  s().guardUnsaved('Start a new flow', () => {
    proceeded += 1
  })
  const confirm = s().dialog
  if (confirm?.kind !== 'confirm' || !confirm.alternative) throw new Error('no save-first choice')
  confirm.alternative.run()
  await vi.waitFor(() => expect(s().dialog?.kind).toBe('saveAs'))
  return { s, proceeded: () => proceeded }
}

afterEach(() => vi.useRealTimers())

describe('documents through the bridge', () => {
  it('opens an example fitted to the window, and a file at its saved viewport', async () => {
    const stored = { x: 60, y: 80, zoom: 0.85 }
    const doc = chainDocument()
    const withView = { ...doc, layout: { ...doc.layout, viewport: stored } }
    const { s } = setup({
      'document.openExample': () => opened(withView, null),
      'document.open': () => opened(withView),
    })
    await s().openExample('chain')
    expect(s().doc.layout.viewport).toBeUndefined()
    expect(s().doc.layout.positions).toEqual(doc.layout.positions)
    await s().openPath('chain.routilux.json')
    expect(s().doc.layout.viewport).toEqual(stored)
  })

  it('opens a file, saves it to the same path with the viewport, and is clean afterwards', async () => {
    const { bridge, s } = setup()
    await s().openPath('chain.routilux.json')
    expect(s().docPath).toBe('chain.routilux.json')
    s().moveItems('Move', { a: { x: 5, y: 5 } })
    s().setViewport({ x: 10, y: 20, zoom: 0.5 })
    expect(isDirty(s())).toBe(true)
    expect(await s().save()).toBe(true)
    const call = bridge.calls.find((c) => c.method === 'document.save')?.request as {
      document: FlowDocument
      expectedModifiedAt: number
      draftId: string
    }
    expect(call.document.layout.viewport).toEqual({ x: 10, y: 20, zoom: 0.5 })
    expect(call.document.layout.positions.a).toEqual({ x: 5, y: 5 })
    expect(call.expectedModifiedAt).toBe(100)
    expect(call.draftId).toBe(s().draftId)
    expect(isDirty(s())).toBe(false)
    expect(s().modifiedAt).toBe(200)
  })

  it('asks where to save an untitled flow (web mode: the workspace browser)', async () => {
    const { s } = setup({ 'app.info': () => ({}) as never })
    s().addNote({ x: 0, y: 0 })
    expect(await s().save()).toBe(false)
    expect(s().dialog?.kind).toBe('saveAs')
    expect(await s().saveAs('mine.routilux.json')).toBe(true)
    expect(s().docPath).toBe('mine.routilux.json')
    expect(isDirty(s())).toBe(false)
  })

  it('offers to overwrite when the file changed on disk, and overwrites when confirmed', async () => {
    let conflicts = 1
    const { bridge, s } = setup({
      'document.save': ({ path }) => {
        if (conflicts-- > 0) throw { code: 'FILE_CONFLICT', message: 'changed' }
        return savedAs(path)
      },
    })
    await s().openPath('chain.routilux.json')
    s().moveItems('Move', { a: { x: 9, y: 9 } })
    expect(await s().save()).toBe(false)
    const dialog = s().dialog
    expect(dialog?.kind).toBe('confirm')
    if (dialog?.kind !== 'confirm') throw new Error('no confirm dialog')
    dialog.proceed()
    await vi.waitFor(() => expect(isDirty(s())).toBe(false))
    expect(
      bridge.calls.some(
        (c) => c.method === 'document.saveAs' && (c.request as { overwrite: boolean }).overwrite,
      ),
    ).toBe(true)
  })

  it('never overwrites a file that could not be read as a flow with a plain save', async () => {
    const { bridge, s } = setup({
      'app.info': () => ({}) as never,
      'document.open': () => ({ ...opened(null, 'typo.routilux.json'), text: '{ oops' }),
    })
    await s().openPath('typo.routilux.json')
    s().addNote({ x: 0, y: 0 })
    expect(await s().save()).toBe(false)
    expect(s().dialog?.kind).toBe('saveAs')
    expect(bridge.calls.some((c) => c.method === 'document.save')).toBe(false)
    expect(await s().saveAs('fixed.routilux.json')).toBe(true)
    s().addNote({ x: 10, y: 0 })
    expect(await s().save()).toBe(true)
    expect(bridge.calls.find((c) => c.method === 'document.save')?.request).toMatchObject({
      path: 'fixed.routilux.json',
    })
  })

  it('a second save pressed while one is in flight waits for it instead of reporting a conflict', async () => {
    let onDisk = 100
    let writes = 0
    const { s } = setup({
      'document.save': async ({ path, expectedModifiedAt }) => {
        await new Promise((resolve) => setTimeout(resolve, 5))
        if (expectedModifiedAt !== onDisk) throw { code: 'FILE_CONFLICT', message: 'changed' }
        onDisk += 100
        writes += 1
        return { ...savedAs(path), modifiedAt: onDisk }
      },
    })
    await s().openPath('chain.routilux.json')
    s().moveItems('Move', { a: { x: 9, y: 9 } })
    const first = s().save()
    s().moveItems('Move', { a: { x: 19, y: 9 } })
    const second = s().save()
    const third = s().save()
    expect(await Promise.all([first, second, third])).toEqual([true, true, true])
    expect(s().dialog).toBeNull()
    expect(writes).toBe(2)
    expect(isDirty(s())).toBe(false)
  })

  it('declining to replace an existing file goes back to the save dialog', async () => {
    const { s } = setup({
      'app.info': () => ({}) as never,
      'document.saveAs': ({ path, overwrite }) => {
        if (!overwrite) throw { code: 'FILE_EXISTS', message: 'exists' }
        return savedAs(path)
      },
    })
    s().addNote({ x: 0, y: 0 })
    expect(await s().saveAs('taken.routilux.json')).toBe(false)
    const confirm = s().dialog
    if (confirm?.kind !== 'confirm') throw new Error('no replace question')
    s().closeDialog()
    confirm.cancel?.()
    expect(s().dialog?.kind).toBe('saveAs')
  })

  it('keeps edits made while a save was in flight as unsaved', async () => {
    let release: () => void = () => undefined
    const { s } = setup({
      'document.save': ({ path }) =>
        new Promise<SavedDocument>((resolve) => (release = () => resolve(savedAs(path)))),
    })
    await s().openPath('chain.routilux.json')
    s().moveItems('Move', { a: { x: 1, y: 1 } })
    const saving = s().save()
    s().moveItems('Move', { b: { x: 2, y: 2 } })
    release()
    expect(await saving).toBe(true)
    expect(isDirty(s())).toBe(true)
  })

  it('autosaves unsaved work as a draft once per change, and recovers a draft as unsaved work', async () => {
    const draftDoc = { ...chainDocument(), name: 'From the draft' }
    const { bridge, s } = setup({
      'draft.recover': ({ draftId }) => ({
        draft: {
          draftId,
          path: 'chain.routilux.json',
          name: 'chain',
          savedAt: 1,
          baseModifiedAt: 100,
          fromPreviousRun: true,
        },
        document: draftDoc,
      }),
    })
    await s().autosave()
    expect(bridge.calls.filter((c) => c.method === 'draft.put')).toHaveLength(0)
    s().addNote({ x: 0, y: 0 })
    await s().autosave()
    await s().autosave()
    expect(bridge.calls.filter((c) => c.method === 'draft.put')).toHaveLength(1)
    expect(s().draftSavedAt).toBe(1234)

    await s().recoverDraft('draft_old')
    expect(s().doc.name).toBe('From the draft')
    expect(s().draftId).toBe('draft_old')
    expect(isDirty(s())).toBe(true)
  })

  it('keeps the current view in the draft, so a recovered flow opens where the user was looking', async () => {
    const { bridge, s } = setup()
    s().addNote({ x: 0, y: 0 })
    s().setViewport({ x: 10, y: 20, zoom: 0.5 })
    await s().autosave()
    s().setViewport({ x: 30, y: 40, zoom: 2 })
    await s().autosave()
    await s().autosave()
    const puts = bridge.calls.filter((c) => c.method === 'draft.put')
    expect(puts.map((c) => (c.request as { document: FlowDocument }).document.layout.viewport)).toEqual([
      { x: 10, y: 20, zoom: 0.5 },
      { x: 30, y: 40, zoom: 2 },
    ])
  })

  it('drops the draft once undo brings the flow back to its saved state', async () => {
    const { bridge, s } = setup({ 'draft.discard': () => null })
    await s().openPath('chain.routilux.json')
    s().addNote({ x: 0, y: 0 })
    await s().autosave()
    s().undo()
    expect(isDirty(s())).toBe(false)
    await s().autosave()
    await s().autosave()
    const discards = bridge.calls.filter((c) => c.method === 'draft.discard')
    expect(discards.map((c) => c.request)).toEqual([{ draftId: s().draftId }])
    s().redo()
    await s().autosave()
    expect(bridge.calls.filter((c) => c.method === 'draft.put')).toHaveLength(2)
  })

  it('keeps a draft again when the user discards changes but then cancels the open', async () => {
    const { bridge, s } = setup({ 'draft.discard': () => null })
    s().addNote({ x: 0, y: 0 })
    await s().autosave()
    s().guardUnsaved('Open another flow', () => undefined)
    const dialog = s().dialog
    if (dialog?.kind !== 'confirm') throw new Error('no confirm dialog')
    dialog.proceed()
    expect(bridge.calls.filter((c) => c.method === 'draft.discard')).toHaveLength(1)
    await s().autosave()
    expect(bridge.calls.filter((c) => c.method === 'draft.put')).toHaveLength(2)
  })

  it('opens an unreadable file as problems with its text', async () => {
    const { s } = setup({
      'document.open': () => ({
        ...opened(null, 'bad.routilux.json'),
        problems: [
          { severity: 'error', code: 'DOC_PARSE_ERROR', message: 'Unexpected end', location: { path: '$' } },
        ],
        text: '{ "format":',
      }),
    })
    await s().openPath('bad.routilux.json')
    expect(s().unreadableText).toBe('{ "format":')
    expect(s().panels.problems).toBe(true)
    await s().validateNow()
    expect(s().problems.map((p) => p.code)).toEqual(['DOC_PARSE_ERROR'])
  })

  it('asks before dropping unsaved changes', async () => {
    const { s } = setup()
    s().addNote({ x: 0, y: 0 })
    let proceeded = false
    s().guardUnsaved('Open another flow', () => {
      proceeded = true
    })
    expect(proceeded).toBe(false)
    const dialog = s().dialog
    if (dialog?.kind !== 'confirm') throw new Error('no confirm dialog')
    dialog.proceed()
    expect(proceeded).toBe(true)
  })

  it('"Save first" on an untitled flow goes on with the action once the save dialog has saved it', async () => {
    const { s, proceeded } = await saveFirstOfUntitled()
    expect(proceeded()).toBe(0)
    const saveDialog = s().dialog
    if (saveDialog?.kind !== 'saveAs') throw new Error('no save dialog')
    s().closeDialog()
    expect(await s().saveAs('mine.routilux.json', false, saveDialog.then)).toBe(true)
    expect(proceeded()).toBe(1)
  })

  it('a save dialog closed without saving drops the pending action', async () => {
    const { s, proceeded } = await saveFirstOfUntitled()
    s().closeDialog()
    expect(await s().saveAs('other.routilux.json')).toBe(true)
    expect(proceeded()).toBe(0)
  })
})

describe('the host link', () => {
  it('loads the catalog on connect, opens the startup document and runs menu commands', async () => {
    const { bridge, store, s } = setup({
      'app.info': () =>
        ({
          capabilities: {
            nativeDialogs: false,
            workspaceBrowser: true,
            metricsEndpoint: false,
            windowShell: false,
          },
        }) as never,
      'registry.describe': () => ({ descriptors: [], problems: [], pluginsDir: '' }),
      'document.listExamples': () => ({ examples: [] }),
    })
    const ran: string[] = []
    s().setCommandRunner((command) => {
      ran.push(command)
      return true
    })
    const disconnect = connectHost(store, bridge, { open: 'chain.routilux.json' })
    await vi.waitFor(() => expect(s().docPath).toBe('chain.routilux.json'))
    expect(s().bridgeStatus).toBe('connected')
    bridge.push('menu.command', { command: 'edit.undo' })
    expect(ran).toEqual(['edit.undo'])
    bridge.push('draft.recoveryOffered', {
      drafts: [
        { draftId: 'd', path: null, name: 'x', savedAt: 1, baseModifiedAt: null, fromPreviousRun: true },
      ],
    })
    expect(s().dialog?.kind).toBe('recovery')
    disconnect()
  })

  it('reloading a file changed on disk drops the draft of the changes given up', async () => {
    const { bridge, store, s } = setup({ ...STARTUP_HANDLERS, 'draft.discard': () => null })
    const disconnect = connectHost(store, bridge)
    await s().openPath('chain.routilux.json')
    s().addNote({ x: 0, y: 0 })
    const draftId = s().draftId
    bridge.push('document.changedOnDisk', { path: 'chain.routilux.json', change: 'modified', modifiedAt: 5 })
    const dialog = s().dialog
    if (dialog?.kind !== 'confirm') throw new Error('no confirm dialog')
    dialog.proceed()
    await vi.waitFor(() => expect(isDirty(s())).toBe(false))
    expect(bridge.calls.filter((c) => c.method === 'draft.discard').map((c) => c.request)).toEqual([
      { draftId },
    ])
    disconnect()
  })
})
