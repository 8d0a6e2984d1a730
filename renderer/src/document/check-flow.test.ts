import { describe, expect, it } from 'vitest'
import type { FlowDocument } from '../../../engine/document/types'
import { chainDocument, descriptor } from '../test/fixtures'
import { checkFlow } from './check-flow'

const script = descriptor(
  'script.javascript',
  { slots: ['input'], events: ['output'] },
  { configSchema: { type: 'object', properties: { code: { type: 'string', 'x-editor': 'javascript' } } } },
)
const router = descriptor(
  'control.router',
  { slots: ['input'], events: ['output'] },
  {
    configSchema: {
      type: 'object',
      properties: {
        routes: {
          type: 'array',
          items: {
            type: 'object',
            properties: { name: { type: 'string' }, condition: { type: 'string', 'x-editor': 'expression' } },
          },
        },
      },
    },
  },
)
const pass = descriptor('t.pass', { slots: ['input', 'trigger'], events: ['output'] })

function withRoutines(routines: FlowDocument['routines']): FlowDocument {
  return { ...chainDocument(), routines: [...chainDocument().routines, ...routines] }
}

describe('live checks', () => {
  it('reports script syntax errors and bad conditions with the field path', () => {
    const doc = withRoutines([
      { id: 's', type: 'script.javascript', config: { code: 'emit(\n  1 +' } },
      { id: 'r', type: 'control.router', config: { routes: [{ name: 'big', condition: 'data.value >' }] } },
    ])
    const problems = checkFlow(doc, [pass, script, router])
    expect(problems.find((p) => p.code === 'SCRIPT_SYNTAX_ERROR')).toMatchObject({
      location: { path: '$.routines[3].config.code', routineId: 's' },
    })
    expect(problems.find((p) => p.code === 'EXPRESSION_ERROR')).toMatchObject({
      location: { path: '$.routines[4].config.routes[0].condition', routineId: 'r' },
    })
  })

  it('finds unknown types and dangling connections once, not twice', () => {
    const doc = withRoutines([{ id: 'x', type: 'acme.unknown', config: {} }])
    const broken = {
      ...doc,
      connections: [
        ...doc.connections,
        { id: 'bad', source: { routine: 'ghost', event: 'output' }, target: { routine: 'a', slot: 'input' } },
      ],
    }
    const problems = checkFlow(broken, [pass])
    expect(problems.filter((p) => p.code === 'UNKNOWN_TYPE')).toHaveLength(1)
    expect(problems.filter((p) => p.location.connectionId === 'bad' && p.severity === 'error')).toHaveLength(
      1,
    )
  })

  it('finds nothing wrong with valid code', () => {
    const doc = withRoutines([
      { id: 's', type: 'script.javascript', config: { code: 'emit("output", data)' } },
    ])
    expect(checkFlow(doc, [pass, script]).filter((p) => p.severity === 'error')).toEqual([])
  })
})
