import { describe, expect, it } from 'vitest'
import { COMMANDS_BY_ID } from '../commands/commands'
import { nudgeCommandFor } from './node-keys'

const node = document.createElement('div')
node.className = 'react-flow__node'
const field = document.createElement('input')
const key = (
  k: string,
  extra: Partial<Record<'shiftKey' | 'ctrlKey' | 'altKey', boolean>> = {},
  target: Element = node,
) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target,
  ...extra,
})

describe('nudgeCommandFor', () => {
  it('maps arrows on a node to the studio nudge commands, Shift to the far ones', () => {
    expect(nudgeCommandFor(key('ArrowLeft'))).toBe('edit.nudgeLeft')
    expect(nudgeCommandFor(key('ArrowDown', { shiftKey: true }))).toBe('edit.nudgeDownFar')
    for (const k of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']) {
      for (const shiftKey of [false, true]) {
        const id = nudgeCommandFor(key(k, { shiftKey }))
        expect(id && COMMANDS_BY_ID.has(id), `${k} shift=${shiftKey}`).toBe(true)
      }
    }
  })

  it('leaves other keys, modified arrows and arrows in fields alone', () => {
    expect(nudgeCommandFor(key('Enter'))).toBeUndefined()
    expect(nudgeCommandFor(key('ArrowLeft', { altKey: true }))).toBeUndefined()
    expect(nudgeCommandFor(key('ArrowLeft', { ctrlKey: true }))).toBeUndefined()
    expect(nudgeCommandFor(key('ArrowLeft', {}, field))).toBeUndefined()
  })
})
