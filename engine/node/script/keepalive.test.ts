import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

describe('sandbox workers and process lifetime', () => {
  it('an idle pooled worker does not keep the process alive', () => {
    const root = resolve(__dirname, '../../..')
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', resolve(__dirname, 'keepalive-fixture.ts')],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 15_000,
      },
    )
    expect(child.error).toBeUndefined()
    expect(child.stdout).toBe('ran output workers=1\n')
    expect(child.status).toBe(0)
  })
})
