/**
 * Opening a flow serialised by Python Routilux converts it on the spot into an untitled document,
 * so it can be edited at once, and a save asks for a new file instead of writing over the original.
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

describe('opening a Python flow', () => {
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
})
