import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { builtinRoutines } from '../../routines/builtins/catalog'
import { RoutineRegistry } from '../../routines/registry'
import { runSlot } from '../../routines/test-support'
import { loadPlugins } from './load-plugins'

const EXAMPLE = resolve(__dirname, '../../../resources/plugins')
const reserved = builtinRoutines.map((d) => d.id)
let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'routilux-plugins-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const good = (id: string) => `export default {
  id: '${id}', title: 'Good', category: 'utils', description: 'A good one.',
  slots: [{ name: 'input', handler: (data, ctx) => ctx.emit('output', { got: data.x }) }],
  events: [{ name: 'output', params: ['got'] }],
}
`

describe('loadPlugins', () => {
  it('loads the example plugin, whose types work and carry their source', async () => {
    const { definitions, problems } = await loadPlugins(EXAMPLE, { reserved })
    expect(problems).toEqual([])
    expect(definitions.map((d) => d.id)).toEqual(['example.reverse', 'example.word-count'])
    const registry = new RoutineRegistry([...builtinRoutines, ...definitions])
    const descriptor = registry.describeType('example.reverse')
    expect(descriptor.source).toEqual({ plugin: join(EXAMPLE, 'example', 'index.mjs') })
    const reverse = registry.instantiate({ type: 'example.reverse', config: { uppercase: true } })
    expect((await runSlot(reverse.routine, 'input', { text: 'abc' })).emits).toEqual([
      { event: 'output', data: { text: 'CBA' } },
    ])
    const counter = registry.instantiate({ type: 'example.word-count', typeVersion: 1, config: { min: 3 } })
    expect(counter.config).toEqual({ min_length: 3 })
    expect((await runSlot(counter.routine, 'input', { text: 'a bb ccc dddd' })).emits[0]?.data.words).toBe(2)
  })

  it('isolates broken plugins: each is reported with its path and the others load', async () => {
    await writeFile(join(dir, 'a-good.mjs'), good('acme.good'))
    await writeFile(join(dir, 'b-syntax.mjs'), 'export default {{')
    await writeFile(join(dir, 'c-throws.mjs'), "throw new Error('kaboom on import')")
    await writeFile(
      join(dir, 'd-invalid.mjs'),
      "export default [{ id: 'Bad Id', title: '' }, { id: 'acme.fine', title: 'Fine', category: 'utils', description: 'ok' }]",
    )
    await writeFile(
      join(dir, 'e-duplicate.mjs'),
      `${good('text.clipper').replace('export default', 'const a =')}\nexport default [a, ${JSON.stringify({})}]`,
    )
    await writeFile(join(dir, 'f-dup-plugin.mjs'), good('acme.good'))
    await writeFile(
      join(dir, 'g-factory-fails.mjs'),
      "export default () => { throw new TypeError('no api for you') }",
    )
    await writeFile(join(dir, 'h-empty.mjs'), 'export const nothing = 1')
    await mkdir(join(dir, 'i-folder'))
    await writeFile(join(dir, 'i-folder', 'package.json'), JSON.stringify({ main: 'main.mjs' }))
    await writeFile(
      join(dir, 'i-folder', 'main.mjs'),
      `export const routines = [${good('acme.folder').replace('export default', '').trim().replace(/\n$/, '')}]`,
    )
    await mkdir(join(dir, 'j-no-entry'))
    await writeFile(join(dir, 'notes.txt'), 'not a plugin')
    const { definitions, problems } = await loadPlugins(dir, { reserved })
    expect(definitions.map((d) => d.id)).toEqual(['acme.good', 'acme.fine', 'acme.folder'])
    const byFile = Object.fromEntries(problems.map((p) => [p.file.slice(dir.length + 1), p]))
    expect(Object.keys(byFile).sort()).toEqual([
      'b-syntax.mjs',
      'c-throws.mjs',
      'd-invalid.mjs',
      'e-duplicate.mjs',
      'f-dup-plugin.mjs',
      'g-factory-fails.mjs',
      'h-empty.mjs',
      'j-no-entry',
    ])
    expect(byFile['b-syntax.mjs']).toMatchObject({
      code: 'PLUGIN_ERROR',
      message: expect.stringMatching(/^failed to load: .*(SyntaxError|invalid JS syntax)/),
    })
    expect(byFile['c-throws.mjs']?.message).toMatch(/kaboom on import/)
    expect(byFile['d-invalid.mjs']?.message).toMatch(
      /invalid routine definition "Bad Id": id "Bad Id" must be a dotted/,
    )
    expect(byFile['f-dup-plugin.mjs']).toMatchObject({ code: 'DUPLICATE_TYPE', type: 'acme.good' })
    expect(byFile['g-factory-fails.mjs']?.message).toMatch(/TypeError: no api for you/)
    expect(byFile['h-empty.mjs']?.message).toBe('exports no routine definitions')
    expect(byFile['j-no-entry']?.message).toMatch(/no entry file/)
    const duplicateProblems = problems.filter((p) => p.file.endsWith('e-duplicate.mjs'))
    expect(duplicateProblems.map((p) => p.code)).toEqual(['DUPLICATE_TYPE', 'PLUGIN_ERROR'])
    expect(() => new RoutineRegistry([...builtinRoutines, ...definitions])).not.toThrow()
  })

  it('reloads a changed plugin on demand', async () => {
    const file = join(dir, 'p.mjs')
    await writeFile(file, good('acme.v1'))
    expect((await loadPlugins(dir)).definitions[0]?.id).toBe('acme.v1')
    await writeFile(file, good('acme.v2'))
    const later = new Date(Date.now() + 5000)
    await utimes(file, later, later)
    expect((await loadPlugins(dir)).definitions[0]?.id).toBe('acme.v2')
  })

  it('reports a plugin whose import never finishes', async () => {
    await writeFile(join(dir, 'hang.mjs'), 'await new Promise(() => {})\nexport default []')
    const { problems } = await loadPlugins(dir, { importTimeoutMs: 100 })
    expect(problems[0]?.message).toMatch(/did not finish within 100 ms/)
  })

  it('reports a plugin function that never settles', async () => {
    await writeFile(join(dir, 'stuck.mjs'), 'export default () => new Promise(() => {})')
    const { problems } = await loadPlugins(dir, { importTimeoutMs: 100 })
    expect(problems[0]?.message).toMatch(/the plugin function did not finish within 100 ms/)
  })

  it('reports a hanging plugin in a process doing nothing else, instead of letting it exit', async () => {
    await writeFile(join(dir, 'hang.mjs'), 'await new Promise(() => {})\nexport default []')
    const script = `const { loadPlugins } = await import(${JSON.stringify(resolve(__dirname, 'load-plugins.ts'))})
const { problems } = await loadPlugins(${JSON.stringify(dir)}, { importTimeoutMs: 200 })
process.stdout.write(problems.map((p) => p.message).join('\\n'))`
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: resolve(__dirname, '../../..'),
      encoding: 'utf8',
      timeout: 20_000,
    })
    expect(child.stderr).toBe('')
    expect(child.stdout).toMatch(/did not finish within 200 ms/)
    expect(child.status).toBe(0)
  })

  it('treats a missing folder as no plugins', async () => {
    expect(await loadPlugins(join(dir, 'absent'))).toEqual({ definitions: [], problems: [] })
  })
})
