import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { workspacePolicy } from '../files/path-policy'
import { RecentFiles } from './recent-files'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recent-'))
  await mkdir(join(dir, 'a'))
  await mkdir(join(dir, 'b'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('RecentFiles', () => {
  it('lists only the files of the current workspace when the app data is shared', async () => {
    const store = join(dir, 'recent.json')
    await writeFile(join(dir, 'a', 'x.routilux.json'), '{}')
    await writeFile(join(dir, 'b', 'y.routilux.json'), '{}')
    const inA = new RecentFiles(store, workspacePolicy(join(dir, 'a')))
    await inA.load()
    await inA.add(join(dir, 'a', 'x.routilux.json'), 'x', 1)
    const inB = new RecentFiles(store, workspacePolicy(join(dir, 'b')))
    await inB.load()
    await inB.add(join(dir, 'b', 'y.routilux.json'), 'y', 2)
    expect((await inB.list()).map((e) => e.path)).toEqual(['y.routilux.json'])
    const backInA = new RecentFiles(store, workspacePolicy(join(dir, 'a')))
    await backInA.load()
    expect((await backInA.list()).map((e) => e.path)).toEqual(['x.routilux.json'])
  })
})
