/** Small documents and descriptors for unit tests. */
import type { FlowDocument } from '../../../engine/document/types'
import type { RoutineTypeDescriptor } from '../../../engine/routines/descriptor'
import { emptyDocument } from '../document/new-document'

/** A descriptor with the given ports; everything else has neutral defaults. */
export function descriptor(
  type: string,
  ports: { slots?: string[]; events?: string[]; merge?: 'override' | 'append' } = {},
  extra: Partial<RoutineTypeDescriptor> = {},
): RoutineTypeDescriptor {
  return {
    type,
    title: type,
    category: 'utils',
    description: '',
    version: 1,
    slots: (ports.slots ?? ['input']).map((name) => ({ name, merge: ports.merge ?? 'override' })),
    events: (ports.events ?? ['output']).map((name) => ({ name, params: ['value'] })),
    configSchema: { type: 'object', properties: {} },
    defaults: {},
    source: 'builtin',
    ...extra,
  }
}

/** A document with routines `a` → `b` → `c` of type `t.pass` (slot `input`, event `output`). */
export function chainDocument(): FlowDocument {
  const doc = emptyDocument('Chain', 'chain')
  return {
    ...doc,
    routines: ['a', 'b', 'c'].map((id) => ({ id, type: 't.pass', config: {} })),
    connections: [
      {
        id: 'a.output->b.input',
        source: { routine: 'a', event: 'output' },
        target: { routine: 'b', slot: 'input' },
      },
      {
        id: 'b.output->c.input',
        source: { routine: 'b', event: 'output' },
        target: { routine: 'c', slot: 'input' },
      },
    ],
    layout: { positions: { a: { x: 0, y: 0 }, b: { x: 300, y: 0 }, c: { x: 600, y: 0 } } },
  }
}
