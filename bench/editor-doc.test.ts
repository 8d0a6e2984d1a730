import { describe, expect, it } from 'vitest'
import { validateDocument } from '../engine/document/load'
import { benchDocument } from './editor-doc'

describe('editor benchmark documents', () => {
  it('has n routines, 1.5 connections per routine and no problems', () => {
    const doc = benchDocument(1000)
    expect(doc.routines).toHaveLength(1000)
    expect(doc.connections).toHaveLength(1500)
    expect(new Set(doc.connections.map((c) => `${c.source.routine}>${c.target.routine}`)).size).toBe(1500)
    expect(validateDocument(doc)).toEqual([])
  })

  it('wires only existing routines', () => {
    const doc = benchDocument(60)
    const ids = new Set(doc.routines.map((r) => r.id))
    for (const c of doc.connections) {
      expect(ids.has(c.source.routine) && ids.has(c.target.routine)).toBe(true)
    }
  })
})
