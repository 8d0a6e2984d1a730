import { describe, expect, it } from 'vitest'
import { checkScriptSyntax as checkScript } from '../../../engine/routines/script-syntax'
import { emptyValue, fieldKind, fieldTitle } from './schema-kind'
import { getIn, pathString, setIn } from './value-path'

describe('form helpers', () => {
  it('writes and removes values by path without touching the original', () => {
    const original = { routes: [{ name: 'a' }], keep: 1 }
    const next = setIn(original, ['routes', 0, 'name'], 'b')
    expect(next).toEqual({ routes: [{ name: 'b' }], keep: 1 })
    expect(original.routes[0]?.name).toBe('a')
    expect(setIn(original, ['keep'], undefined)).toEqual({ routes: [{ name: 'a' }] })
    expect(getIn(next, ['routes', 0, 'name'])).toBe('b')
    expect(pathString(['routes', 0, 'name'])).toBe('$.routes[0].name')
    expect(pathString(['odd key'])).toBe('$["odd key"]')
  })

  it('picks a control per schema node', () => {
    expect(fieldKind({ enum: ['a', 'b'] })).toBe('enum')
    expect(fieldKind({ type: ['string', 'null'] })).toBe('text')
    expect(fieldKind({ type: 'string', 'x-editor': 'expression' })).toBe('expression')
    expect(fieldKind({ type: 'string' }, 'code')).toBe('script')
    expect(fieldKind({ type: 'array', items: { type: 'string' } })).toBe('array')
    expect(fieldKind({ type: 'object' })).toBe('json')
    expect(fieldKind({ oneOf: [] })).toBe('json')
  })

  it('starts new items from defaults or required fields, and titles fields readably', () => {
    expect(
      emptyValue({
        type: 'object',
        properties: { name: { type: 'string' }, x: { type: 'number' } },
        required: ['name'],
      }),
    ).toEqual({
      name: '',
    })
    expect(emptyValue({ type: 'integer', minimum: 3 })).toBe(3)
    expect(fieldTitle({}, 'max_length')).toBe('Max length')
    expect(fieldTitle({ title: 'Routes' }, 'routes')).toBe('Routes')
  })
})

describe('script syntax check', () => {
  it('accepts a valid body using the handler parameters, await and return', () => {
    expect(checkScript('const x = await Promise.resolve(data.n)\nemit("output", { x })\nreturn')).toEqual([])
  })

  it('reports the line and column of a syntax error in the user code', () => {
    const [d] = checkScript('const a = 1\nconst b = (2')
    expect(d).toMatchObject({ line: 2, column: 13, start: 24 })
    expect(d?.message).toMatch(/Unexpected token/)
  })

  it('refuses code that closes the handler early', () => {
    expect(checkScript('}) ; (function () {')[0]?.message).toMatch(/Unbalanced|Unexpected/)
  })
})
