/**
 * A save that fails leaves the file as it was and says why in the user's terms, and the file stays
 * watched for changes made outside the studio.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDocument, saveDocument } from '../../../engine/document/save'
import { workspacePolicy } from '../files/path-policy'
import { DocumentManager } from './document-manager'
import type { DraftStore } from './draft-store'
import { type DiskChange, FileWatcher } from './file-watcher'
import { RecentFiles } from './recent-files'

let dir: string
let watcher: FileWatcher
const changes: DiskChange[] = []

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'save-failures-'))
  changes.length = 0
  watcher = new FileWatcher((change) => changes.push(change), 60_000)
})
afterEach(async () => {
  watcher.close()
  await rm(dir, { recursive: true, force: true })
})

function manager(): DocumentManager {
  const policy = workspacePolicy(dir)
  const drafts = { discard: async () => undefined } as unknown as DraftStore
  return new DocumentManager({
    policy,
    recent: new RecentFiles(join(dir, '.recent.json'), policy),
    drafts,
    watcher,
    descriptors: () => [],
  })
}

describe('a failed save', () => {
  it('says the folder is gone and keeps watching the file', async () => {
    await mkdir(join(dir, 'sub'))
    await writeFile(join(dir, 'sub', 'f.routilux.json'), saveDocument(createDocument('f', 'F')))
    const documents = manager()
    const opened = await documents.open('sub/f.routilux.json')
    await rm(join(dir, 'sub'), { recursive: true })
    await expect(
      documents.save({
        path: 'sub/f.routilux.json',
        document: createDocument('f', 'Edited'),
        expectedModifiedAt: opened.modifiedAt,
      }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'The folder of f.routilux.json no longer exists; save it somewhere else',
    })
    await watcher.poll()
    expect(changes).toEqual([expect.objectContaining({ change: 'deleted' })])
  })
})
