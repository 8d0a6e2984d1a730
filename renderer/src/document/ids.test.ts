import { describe, expect, it } from 'vitest'
import { baseIdForType, idError, uniqueId } from './ids'

describe('ids', () => {
  it('derives a readable stem from a type id', () => {
    expect(baseIdForType('text.clipper')).toBe('clipper')
    expect(baseIdForType('flow.3way-router')).toBe('_3way_router')
  })

  it('continues numeric suffixes to find a free id', () => {
    const taken = new Set(['clip', 'clip_2', 'x_9'])
    expect(uniqueId('clip', (id) => taken.has(id))).toBe('clip_3')
    expect(uniqueId('x_9', (id) => taken.has(id))).toBe('x_10')
    expect(uniqueId('free', (id) => taken.has(id))).toBe('free')
  })

  it('explains why an id is refused', () => {
    expect(idError('ok_id', () => false)).toBeUndefined()
    expect(idError('', () => false)).toMatch(/empty/)
    expect(idError('has space', () => false)).toMatch(/letters/)
    expect(idError('dup', () => true)).toMatch(/already used/)
  })
})
