import { describe, expect, it } from 'vitest'
import { selectionTitle } from './SelectionInspector'

describe('selectionTitle', () => {
  it('names what is selected by kind rather than counting connections as items', () => {
    expect(selectionTitle({ routines: 3, connections: 2, notes: 1 })).toBe(
      '3 routines, 2 connections, 1 note selected',
    )
    expect(selectionTitle({ routines: 2, connections: 0, notes: 0 })).toBe('2 routines selected')
    expect(selectionTitle({ routines: 1, connections: 0, notes: 2 })).toBe('1 routine, 2 notes selected')
  })
})
