import { describe, expect, it } from 'vitest'
import { descriptor } from '../test/fixtures'
import { connectableTypes, groupByCategory, searchTypes } from './type-search'

const types = [
  descriptor(
    'text.clipper',
    {},
    { title: 'Text Clipper', category: 'text_processing', description: 'Cuts long text' },
  ),
  descriptor('flow.router', {}, { title: 'Conditional Router', category: 'control_flow' }),
  descriptor(
    'utils.sink',
    { events: [] },
    { title: 'Sink', category: 'utils', description: 'collects text' },
  ),
  descriptor('utils.source', { slots: [] }, { title: 'Source', category: 'utils' }),
  descriptor('x.missing', {}, { title: 'Missing', placeholder: true }),
]

describe('routine type search', () => {
  it('matches every word anywhere and ranks title prefixes first', () => {
    expect(searchTypes(types, 'text').map((t) => t.type)).toEqual(['text.clipper', 'utils.sink'])
    expect(searchTypes(types, 'router cond').map((t) => t.type)).toEqual(['flow.router'])
    expect(searchTypes(types, 'nothing-like-this')).toEqual([])
  })

  it('hides placeholder types and groups by category in palette order', () => {
    expect(searchTypes(types, '').map((t) => t.type)).not.toContain('x.missing')
    expect(groupByCategory(searchTypes(types, '')).map((g) => g.category)).toEqual([
      'control_flow',
      'text_processing',
      'utils',
    ])
  })

  it('offers only types that can be wired to the dropped connection', () => {
    expect(connectableTypes(types, { event: 'output' }).map((t) => t.type)).not.toContain('utils.source')
    expect(connectableTypes(types, { slot: 'input' }).map((t) => t.type)).not.toContain('utils.sink')
  })
})
