import { describe, expect, it } from 'vitest'
import { isRoutiluxError } from '../errors'
import { assertScriptSyntax, checkScriptSyntax, wrapScriptSource } from './script-syntax'

describe('script syntax check', () => {
  it('accepts a body using return, await and the parameters', () => {
    expect(
      checkScriptSyntax('const x = await Promise.resolve(data.value)\nemit("output", { x })\nreturn'),
    ).toEqual([])
  })

  it('reports line and column of a syntax error in user coordinates', () => {
    const [d] = checkScriptSyntax('const a = 1\nconst b = )\nemit("x")')
    expect(d).toMatchObject({ line: 2, column: 11 })
    expect(d?.message).toMatch(/Unexpected token/)
  })

  it('reports an error on the first line at its column', () => {
    expect(checkScriptSyntax('let x = = 2')[0]).toMatchObject({ line: 1, column: 9, start: 8 })
  })

  it('checks in strict mode, as the sandbox runs it', () => {
    expect(checkScriptSyntax('with (data) { emit("x") }')[0]?.message).toMatch(/strict mode/)
    expect(checkScriptSyntax('var x = 010')[0]?.message).toMatch(/Octal|strict|Invalid number/)
  })

  it('rejects redeclaring a parameter', () => {
    expect(checkScriptSyntax('let data = 1')[0]?.message).toMatch(/already been declared/)
  })

  it('rejects code that closes the wrapper early', () => {
    const [d] = checkScriptSyntax('return 1 }); (async function () {')
    expect(d?.message).toMatch(/Unbalanced/)
    expect(checkScriptSyntax('}; ({')).not.toEqual([])
  })

  it('points at the end of the code when it is incomplete', () => {
    expect(checkScriptSyntax('emit("x", {')[0]).toMatchObject({ line: 1, column: 12 })
  })

  it('rejects static imports', () => {
    expect(checkScriptSyntax("import fs from 'node:fs'")).toHaveLength(1)
  })

  it('assertScriptSyntax throws a coded error with the position', () => {
    try {
      assertScriptSyntax('\n\n  foo(')
      expect.unreachable()
    } catch (error) {
      expect(isRoutiluxError(error, 'SCRIPT_SYNTAX_ERROR')).toBe(true)
      expect((error as Error).message).toMatch(/line 3, column \d+/)
    }
  })

  it('wraps code so the first user line is line 2 of the compiled source', () => {
    expect(wrapScriptSource('return 1').split('\n')[1]).toBe('return 1')
  })
})
