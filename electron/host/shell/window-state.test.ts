import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { documentFromArgv } from './command-line'
import { DEFAULT_SIZE, fitToDisplays, parseWindowState } from './window-state'

const screen = { x: 0, y: 0, width: 1920, height: 1040 }

describe('window state', () => {
  it('restores stored bounds on a display that still exists', () => {
    const stored = { bounds: { x: 100, y: 50, width: 1200, height: 800 }, maximized: true, fullScreen: false }
    expect(fitToDisplays(stored, [screen])).toEqual(stored)
  })

  it('centres the window when its display is gone', () => {
    const stored = {
      bounds: { x: 3000, y: 50, width: 1200, height: 800 },
      maximized: false,
      fullScreen: false,
    }
    expect(fitToDisplays(stored, [screen]).bounds).toEqual({
      x: (1920 - DEFAULT_SIZE.width) / 2,
      y: (1040 - DEFAULT_SIZE.height) / 2,
      ...DEFAULT_SIZE,
    })
  })

  it('shrinks and moves a window larger than its display', () => {
    const stored = {
      bounds: { x: -100, y: 900, width: 4000, height: 300 },
      maximized: false,
      fullScreen: false,
    }
    expect(fitToDisplays(stored, [screen]).bounds).toEqual({ x: 0, y: 560, width: 1920, height: 480 })
  })

  it('ignores malformed stored state', () => {
    expect(parseWindowState({ bounds: { x: 'a' } })).toBeUndefined()
    expect(parseWindowState(null)).toBeUndefined()
  })
})

describe('command line', () => {
  it('finds the first existing .json file argument', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'argv-'))
    try {
      await writeFile(join(dir, 'a.routilux.json'), '{}')
      expect(documentFromArgv(['/usr/bin/studio', '--flag', 'missing.json', 'a.routilux.json'], dir)).toBe(
        join(dir, 'a.routilux.json'),
      )
      expect(documentFromArgv(['/usr/bin/studio', '.', '--inspect'], dir)).toBeUndefined()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
