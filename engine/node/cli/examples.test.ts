/**
 * The example flows in resources/examples/ are the first thing users open: each must load clean (no
 * warnings), be saved in canonical form, run from the command line, and export D2 that compiles.
 * The last test drives the real `bin/routilux.mjs` in a child process, with the forced exit turned
 * off, so a leaked worker would show as a hang.
 */
import { execFile } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { D2_STYLES, exportD2 } from '../../d2/d2-export'
import { analyzeDocument } from '../../document/analyze'
import { buildFlow } from '../../document/build-flow'
import { parseDocument } from '../../document/load'
import { saveDocument } from '../../document/save'
import type { FlowDocument } from '../../document/types'
import { builtinRoutines } from '../../routines/builtins/catalog'
import { RoutineRegistry } from '../../routines/registry'
import { D2Renderer } from '../d2/d2-renderer'
import { CliSandbox } from './cli-test-support'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const examplesDir = `${root}resources/examples/`
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.routilux.json'))
const registry = new RoutineRegistry(builtinRoutines)
const descriptors = registry.describe()
const renderer = new D2Renderer()
const sandbox = new CliSandbox()
afterAll(async () => {
  sandbox.dispose()
  await renderer.dispose()
})

function load(file: string): { text: string; doc: FlowDocument } {
  const text = readFileSync(`${examplesDir}${file}`, 'utf8')
  const result = parseDocument(text, { descriptors })
  expect(result.problems).toEqual([])
  return { text, doc: result.document as FlowDocument }
}

describe('example flows', () => {
  it('include an ETL pipeline, a router with retries, a fan-out/aggregate agent and a script', () => {
    expect(examples).toEqual(
      expect.arrayContaining([
        'etl-pipeline.routilux.json',
        'router-with-retries.routilux.json',
        'research-agent.routilux.json',
        'lead-scoring-script.routilux.json',
      ]),
    )
  })

  it.each(examples)('%s loads and analyses without errors or warnings, in canonical form', (file) => {
    const { text, doc } = load(file)
    expect(saveDocument(doc)).toBe(text)
    const analysis = analyzeDocument(doc, { descriptors })
    expect(analysis.problems.filter((p) => p.severity !== 'info')).toEqual([])
    expect(analysis.entryPoints).toHaveLength(1)
    expect(buildFlow(doc, { registry }).problems).toEqual([])
    for (const r of doc.routines) expect(doc.layout.positions[r.id]).toBeDefined()
  })

  it.each(examples)(
    '%s runs to completion from the command line',
    async (file) => {
      const result = await sandbox.run(['run', `${examplesDir}${file}`, '--json'])
      expect(JSON.parse(result.stdout)).toMatchObject({ status: 'completed' })
      expect(result.code).toBe(0)
    },
    60_000,
  )

  it.each(examples)(
    '%s exports D2 that compiles in every style',
    async (file) => {
      const { doc } = load(file)
      // One compiler call: each style's export is a file, imported as a layer (a board of its own).
      const files: Record<string, string> = {
        index: `layers: {\n${D2_STYLES.map((s) => `  ${s}: @${s}\n`).join('')}}\n`,
      }
      for (const style of D2_STYLES) files[`${style}.d2`] = exportD2(doc, { style, descriptors })
      const { diagram } = await renderer.compileFiles(files)
      for (const style of D2_STYLES) {
        const layer = diagram.layers?.find((l) => l?.name === style)
        expect(layer?.connections).toHaveLength(doc.connections.length)
      }
    },
    120_000,
  )

  it('runs through the installed bin and exits by itself', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
        execFile(
          process.execPath,
          [`${root}bin/routilux.mjs`, ...args],
          { cwd: root, timeout: 120_000, env: { ...process.env, ROUTILUX_NO_FORCED_EXIT: '1' } },
          (error, stdout) => {
            if (error?.killed) reject(new Error(`routilux ${args[0]} did not exit`))
            else resolve({ code: error ? (error.code as number) : 0, stdout })
          },
        )
      })
    const ran = await run(['run', 'resources/examples/router-with-retries.routilux.json'])
    expect(ran.code).toBe(0)
    expect(ran.stdout).toContain('A-1 sent with express-courier after 2 attempts')
    const svg = sandbox.path('router.svg')
    const exported = await run([
      'export-d2',
      'resources/examples/router-with-retries.routilux.json',
      '--svg',
      svg,
    ])
    expect(exported.code).toBe(0)
    expect(readFileSync(svg, 'utf8')).toContain('<svg')
  }, 240_000)
})
