import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseWebArgs, workspaceAndDocument } from './web-args'

describe('web mode flags', () => {
  it('opens a document named instead of a workspace, in its own folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'web-args-'))
    try {
      await writeFile(join(dir, 'a.routilux.json'), '{}')
      expect(workspaceAndDocument(join(dir, 'a.routilux.json'))).toEqual({
        workspace: dir,
        document: 'a.routilux.json',
      })
      expect(workspaceAndDocument(dir)).toEqual({ workspace: dir, document: null })
      expect(workspaceAndDocument(join(dir, 'new-folder'))).toEqual({
        workspace: join(dir, 'new-folder'),
        document: null,
      })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('defaults to ./flows on a free loopback port, opening a browser', () => {
    expect(parseWebArgs([], '/home/u')).toEqual({
      port: 0,
      workspace: '/home/u/flows',
      appData: null,
      bind: '127.0.0.1',
      open: true,
      help: false,
      build: true,
    })
  })

  it('reads every flag, in both --flag value and --flag=value forms', () => {
    expect(
      parseWebArgs(
        ['work', '--port', '8080', '--app-data=data', '--no-open', '--no-build', '--bind', '::1'],
        '/x',
      ),
    ).toMatchObject({
      port: 8080,
      workspace: '/x/work',
      appData: '/x/data',
      open: false,
      build: false,
      bind: '::1',
    })
    expect(parseWebArgs(['--workspace', '/abs/ws'], '/x').workspace).toBe('/abs/ws')
  })

  it('rejects unknown options, bad ports and extra arguments', () => {
    expect(() => parseWebArgs(['--nope'], '/x')).toThrow('Unknown option --nope')
    expect(() => parseWebArgs(['--port', '70000'], '/x')).toThrow('--port')
    expect(() => parseWebArgs(['--port'], '/x')).toThrow('needs a value')
    expect(() => parseWebArgs(['a', 'b'], '/x')).toThrow('Unexpected argument b')
  })
})
