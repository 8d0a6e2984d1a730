import { lstat, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { crashingFs, SimulatedCrash } from '../testing/crashing-fs'
import { writeFileAtomic } from './atomic-write'
import { sweepTempFiles } from './temp-sweep'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atomic-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('writeFileAtomic', () => {
  it('replaces the file and keeps the previous version as .bak', async () => {
    const target = join(dir, 'a.json')
    await writeFileAtomic(target, 'one', { backup: true })
    expect(await readFile(target, 'utf8')).toBe('one')
    expect(await readdir(dir)).toEqual(['a.json'])
    await writeFileAtomic(target, 'two', { backup: true })
    expect(await readFile(target, 'utf8')).toBe('two')
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('one')
  })

  it.skipIf(process.platform === 'win32')(
    'writes through a symbolic link to the file it points to',
    async () => {
      const target = join(dir, 'real.json')
      await writeFile(target, 'one')
      await symlink(target, join(dir, 'link.json'))
      await writeFileAtomic(join(dir, 'link.json'), 'two', { backup: true })
      expect((await lstat(join(dir, 'link.json'))).isSymbolicLink()).toBe(true)
      expect(await readFile(target, 'utf8')).toBe('two')
      expect(await readFile(`${target}.bak`, 'utf8')).toBe('one')
    },
  )

  it('leaves the old file intact when the process dies between write and rename', async () => {
    const target = join(dir, 'a.json')
    await writeFile(target, 'old')
    const fs = crashingFs('rename', 2)
    await expect(writeFileAtomic(target, 'new', { backup: true, fs })).rejects.toBeInstanceOf(SimulatedCrash)
    expect(fs.crashed).toBe(true)
    expect(await readFile(target, 'utf8')).toBe('old')
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('old')
    // The crash left the fully written temp file behind; the next start sweeps it.
    const leftovers = (await readdir(dir)).filter((n) => n.endsWith('.tmp'))
    expect(leftovers).toHaveLength(1)
    expect(await readFile(join(dir, leftovers[0] ?? ''), 'utf8')).toBe('new')
    expect(await sweepTempFiles(dir, () => false)).toEqual(leftovers)
    expect((await readdir(dir)).sort()).toEqual(['a.json', 'a.json.bak'])
  })

  it('leaves the old file intact when the process dies while writing the temp file', async () => {
    const target = join(dir, 'a.json')
    await writeFile(target, 'old')
    await expect(writeFileAtomic(target, 'new', { fs: crashingFs('open') })).rejects.toBeInstanceOf(
      SimulatedCrash,
    )
    expect(await readFile(target, 'utf8')).toBe('old')
  })

  it('cleans up its temp file when a write fails without a crash', async () => {
    const target = join(dir, 'missing-folder', 'a.json')
    await expect(writeFileAtomic(target, 'x')).rejects.toMatchObject({ code: 'ENOENT' })
    expect(await readdir(dir)).toEqual([])
  })

  it('does not sweep temp files of a writer that is still alive', async () => {
    await writeFile(join(dir, `.a.json.${process.pid}-0123abcd.tmp`), 'x')
    expect(await sweepTempFiles(dir)).toEqual([])
    expect(await sweepTempFiles(dir, () => false)).toHaveLength(1)
  })
})
