/**
 * Saving honours what it would replace: a read-only flow is refused (the atomic
 * rename would otherwise replace it regardless), a private file stays private, and a folder is
 * never mistaken for a file to replace.
 */
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDocument, saveDocument } from '../../../engine/document/save'
import { call, startTempHost } from '../testing/host-test'

const ORIGINAL = saveDocument(createDocument('doc', 'Original'))

describe.skipIf(process.platform === 'win32')('saving over files with permissions', () => {
  it('refuses to replace a read-only file, by save and by an overwriting save as', async () => {
    const temp = await startTempHost()
    const file = join(temp.workspace, 'locked.routilux.json')
    await writeFile(file, ORIGINAL)
    await chmod(file, 0o444)
    const opened = await call<{ modifiedAt: number }>(temp.host, 'document.open', {
      path: 'locked.routilux.json',
    })
    const document = createDocument('doc', 'Edited')
    await expect(
      call(temp.host, 'document.save', {
        path: 'locked.routilux.json',
        document,
        expectedModifiedAt: opened.modifiedAt,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('read-only') })
    await expect(
      call(temp.host, 'document.saveAs', { path: 'locked.routilux.json', document, overwrite: true }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await readFile(file, 'utf8')).toBe(ORIGINAL)
    expect((await stat(file)).mode & 0o777).toBe(0o444)
  })

  it('keeps the permission bits of the file it replaces', async () => {
    const temp = await startTempHost()
    const file = join(temp.workspace, 'private.routilux.json')
    await writeFile(file, ORIGINAL)
    await chmod(file, 0o600)
    const opened = await call<{ modifiedAt: number }>(temp.host, 'document.open', {
      path: 'private.routilux.json',
    })
    await call(temp.host, 'document.save', {
      path: 'private.routilux.json',
      document: createDocument('doc', 'Edited'),
      expectedModifiedAt: opened.modifiedAt,
    })
    expect(await readFile(file, 'utf8')).toContain('Edited')
    expect((await stat(file)).mode & 0o777).toBe(0o600)
  })

  it('says so when the chosen name is a folder, instead of offering to replace it', async () => {
    const temp = await startTempHost()
    await mkdir(join(temp.workspace, 'folder.routilux.json'))
    for (const overwrite of [false, true]) {
      await expect(
        call(temp.host, 'document.saveAs', {
          path: 'folder.routilux.json',
          document: createDocument('doc', 'Edited'),
          overwrite,
        }),
      ).rejects.toMatchObject({
        code: 'IO_ERROR',
        message: 'folder.routilux.json is a folder; choose another name',
      })
    }
    expect((await stat(join(temp.workspace, 'folder.routilux.json'))).isDirectory()).toBe(true)
  })
})
