import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { grantedPolicy, workspacePolicy } from './path-policy'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'policy-'))
  await mkdir(join(dir, 'ws', 'sub'), { recursive: true })
  await mkdir(join(dir, 'outside'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('workspacePolicy', () => {
  it('resolves relative paths inside the workspace and hands them back with slashes', async () => {
    const policy = workspacePolicy(join(dir, 'ws'))
    const absolute = await policy.resolve('sub/a.routilux.json')
    expect(absolute).toBe(join(dir, 'ws', 'sub', 'a.routilux.json'))
    expect(policy.toDocPath(absolute)).toBe('sub/a.routilux.json')
    expect(await policy.resolve('sub/../b.json')).toBe(join(dir, 'ws', 'b.json'))
  })

  it.each([
    '../outside/x.json',
    'sub/../../outside/x.json',
    '/etc/passwd',
    '..\\outside\\x.json',
    'C:/Windows/win.ini',
  ])('refuses %s', async (path) => {
    await expect(workspacePolicy(join(dir, 'ws')).resolve(path)).rejects.toMatchObject({
      code: 'OUTSIDE_WORKSPACE',
    })
  })

  it('accepts names that merely start with two dots', async () => {
    const policy = workspacePolicy(join(dir, 'ws'))
    expect(await policy.resolve('..notes.routilux.json')).toBe(join(dir, 'ws', '..notes.routilux.json'))
    expect(await policy.resolve('sub/...routilux.json')).toBe(join(dir, 'ws', 'sub', '...routilux.json'))
    await expect(policy.resolve('sub/../..')).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' })
  })

  it('refuses paths that leave through a symbolic link', async () => {
    await symlink(join(dir, 'outside'), join(dir, 'ws', 'link'))
    const policy = workspacePolicy(join(dir, 'ws'))
    await expect(policy.resolve('link/new.json')).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' })
  })
})

describe('grantedPolicy', () => {
  it('allows only granted absolute paths or paths inside its root', async () => {
    const policy = grantedPolicy(join(dir, 'ws'))
    const outside = join(dir, 'outside', 'x.json')
    await expect(policy.resolve(outside)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    policy.grant(outside)
    expect(await policy.resolve(outside)).toBe(outside)
    expect(await policy.resolve(join(dir, 'ws', 'y.json'))).toBe(join(dir, 'ws', 'y.json'))
    expect(await policy.resolve('sub/z.json')).toBe(join(dir, 'ws', 'sub', 'z.json'))
    await expect(policy.resolve('../outside/x2.json')).rejects.toMatchObject({ code: 'OUTSIDE_WORKSPACE' })
  })
})
