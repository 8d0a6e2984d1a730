/**
 * Opening odd files: a flow serialised by Python Routilux converts on the spot into an untitled
 * document (a save asks for a new file instead of writing over the original); a file that vanished
 * says so in the user's terms.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { OpenedDocument } from '../../ipc/contract'
import { call, startTempHost } from '../testing/host-test'

const FIXTURE = new URL(
  '../../../engine/document/fixtures/python-flows/validate_and_extract.py-flow.json',
  import.meta.url,
)

describe('opening odd files', () => {
  it('opens it converted and untitled, with the import findings', async () => {
    const temp = await startTempHost()
    const source = await readFile(FIXTURE, 'utf8')
    await writeFile(join(temp.workspace, 'legacy.json'), source)
    const opened = await call<OpenedDocument>(temp.host, 'document.open', { path: 'legacy.json' })
    expect(opened.path).toBeNull()
    expect(opened.modifiedAt).toBeNull()
    expect(opened.name).toBe('legacy')
    expect(opened.document?.routines.length).toBeGreaterThan(0)
    expect(opened.problems.map((p) => p.code)).not.toContain('DOC_PYTHON_PAYLOAD')
    expect(await readFile(join(temp.workspace, 'legacy.json'), 'utf8')).toBe(source)
  })

  it('says a vanished file does not exist, without the absolute path', async () => {
    const temp = await startTempHost()
    const error = await call(temp.host, 'document.open', { path: 'gone/flow.routilux.json' }).catch((e) => e)
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'gone/flow.routilux.json does not exist (moved or deleted?)',
    })
  })
})
