import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { createDocument } from '../../document/save'
import type { FlowDocument } from '../../document/types'
import { CliSandbox } from './cli-test-support'

const sandbox = new CliSandbox()
afterAll(() => sandbox.dispose())

function flow(
  routines: FlowDocument['routines'],
  links: [string, string, string, string][] = [],
): FlowDocument {
  const doc = createDocument('cli-test')
  doc.routines.push(...routines)
  for (const [i, [s, e, t, sl]] of links.entries()) {
    doc.connections.push({ id: `c${i}`, source: { routine: s, event: e }, target: { routine: t, slot: sl } })
  }
  return doc
}

const good = flow(
  [
    { id: 'start', type: 'flow.trigger', config: { payload: { n: 1 } } },
    { id: 'log', type: 'flow.logger', config: { message: 'got {n}' } },
  ],
  [['start', 'output', 'log', 'input']],
)
const script = (code: string) =>
  flow(
    [
      { id: 'start', type: 'flow.trigger', config: {} },
      { id: 'work', type: 'script.javascript', config: { code, timeout_ms: 20_000 } },
    ],
    [['start', 'output', 'work', 'input']],
  )

describe('routilux validate', () => {
  it('exits 0 for a valid flow', async () => {
    const result = await sandbox.run(['validate', sandbox.write('good.routilux.json', good)])
    expect(result).toMatchObject({ code: 0, stdout: 'good.routilux.json: valid (1 note)\n' })
    const verbose = await sandbox.run(['validate', 'good.routilux.json', '--verbose'])
    expect(verbose.stdout).toBe(
      '$.routines[1]: UNCONNECTED_EVENT event "output" of routine "log" is not connected\ngood.routilux.json: valid (1 note)\n',
    )
  })

  it('exits 1 and prints PATH: CODE message for each problem', async () => {
    const bad = flow(
      [
        { id: 'start', type: 'flow.trigger', config: {} },
        { id: 'clip', type: 'text.clipper', config: { max_length: 'long' } },
        { id: 'x', type: 'no.such.type', config: {} },
      ],
      [
        ['start', 'output', 'clip', 'input'],
        ['start', 'nope', 'clip', 'input'],
      ],
    )
    const result = await sandbox.run(['validate', sandbox.write('bad.routilux.json', bad)])
    expect(result.code).toBe(1)
    const lines = result.stdout.trim().split('\n')
    expect(lines).toEqual([
      '$.routines[2].type: UNKNOWN_TYPE unknown routine type "no.such.type"',
      '$.connections[1].source.event: UNKNOWN_EVENT routine "start" has no event "nope"',
      expect.stringMatching(/^\$\.routines\[1\]\.config\.max_length: INVALID_CONFIG /),
      'bad.routilux.json: invalid (3 errors, 1 note)',
    ])
  })

  it('prints JSON with --json and reports unreadable files with exit 2', async () => {
    const json = await sandbox.run(['validate', '--json', 'good.routilux.json'])
    expect(JSON.parse(json.stdout)).toMatchObject({
      file: 'good.routilux.json',
      valid: true,
      problems: [{ severity: 'info', code: 'UNCONNECTED_EVENT' }],
    })
    expect(await sandbox.run(['validate', sandbox.write('broken.json', '{"format": ')])).toMatchObject({
      code: 1,
      stdout: expect.stringContaining('$: DOC_PARSE_ERROR invalid JSON at line 1, column 12'),
    })
    const missing = await sandbox.run(['validate', 'missing.json'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('cannot read missing.json: no such file')
  })
})

describe('routilux export-d2', () => {
  it('prints D2 to stdout, or writes it with -o, in the chosen style', async () => {
    const out = await sandbox.run(['export-d2', 'good.routilux.json', '--style', 'compact'])
    expect(out.code).toBe(0)
    expect(out.stdout).toContain('"start" -> "log": "output → input"')
    expect((await sandbox.run(['export-d2', 'good.routilux.json', '-o', 'good.d2'])).stdout).toBe('')
    expect(readFileSync(sandbox.path('good.d2'), 'utf8')).toContain(
      '"start"."events"."output" -> "log"."slots"."input"',
    )
  })

  it('renders SVG with --svg', async () => {
    const result = await sandbox.run(['export-d2', 'good.routilux.json', '--svg', 'good.svg'])
    expect(result.code).toBe(0)
    expect(readFileSync(sandbox.path('good.svg'), 'utf8')).toContain('<svg')
  }, 120_000)

  it('refuses to write its output over the flow it reads', async () => {
    const before = readFileSync(sandbox.path('good.routilux.json'), 'utf8')
    for (const args of [
      ['-o', 'good.routilux.json'],
      ['--svg', './good.routilux.json'],
    ]) {
      const result = await sandbox.run(['export-d2', 'good.routilux.json', ...args])
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('is the input file')
    }
    const imported = await sandbox.run(['import', 'good.routilux.json', '-o', 'good.routilux.json'])
    expect(imported.code).toBe(2)
    expect(readFileSync(sandbox.path('good.routilux.json'), 'utf8')).toBe(before)
  })

  it('refuses unknown styles and unusable documents', async () => {
    expect((await sandbox.run(['export-d2', 'good.routilux.json', '--style', 'fancy'])).code).toBe(2)
    expect((await sandbox.run(['export-d2', 'broken.json'])).code).toBe(2)
  })
})

describe('routilux run', () => {
  it('runs a flow, prints a summary and exits 0', async () => {
    const result = await sandbox.run(['run', 'good.routilux.json', '--params', '{"n": 5}'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^✓ completed in [\d.]+ ms \(job [0-9a-f-]+, entry start\)\n/)
    expect(result.stdout).toContain('[info] log: got 5')
  })

  it('prints JSON and Prometheus metrics on request', async () => {
    const json = await sandbox.run(['run', 'good.routilux.json', '--json', '--metrics'])
    expect(json.code).toBe(0)
    const outcome = JSON.parse(json.stdout)
    expect(outcome).toMatchObject({ file: 'good.routilux.json', status: 'completed', entry: 'start' })
    expect(outcome.metrics).toContain('routilux_flow_executions_total{flow="cli-test"} 1')
    const text = await sandbox.run(['run', 'good.routilux.json', '--metrics'])
    expect(text.stdout).toMatch(/^✓ completed/)
    expect(text.stdout).toContain('routilux_flow_executions_total{flow="cli-test"} 1')
    expect(text.stdout).toContain(
      'routilux_routine_executions_total{flow="cli-test",routine="log",status="completed"} 1',
    )
    expect(
      JSON.parse((await sandbox.run(['run', 'good.routilux.json', '--json'])).stdout),
    ).not.toHaveProperty('metrics')
  })

  it('exits 1 when the job fails', async () => {
    const failing = flow(
      [
        { id: 'start', type: 'flow.trigger', config: {} },
        { id: 'split', type: 'flow.splitter', config: { field: 'missing' } },
      ],
      [['start', 'output', 'split', 'input']],
    )
    const result = await sandbox.run(['run', sandbox.write('failing.routilux.json', failing)])
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /^✗ failed .*\n {2}INVALID_ARGUMENT in routine split: splitter expects a list/,
    )
  })

  it('fails the job after --timeout, and cancels it when interrupted', async () => {
    // A busy script: only the job timeout or a cancel ends it (the sandbox then stops its worker).
    const hang = sandbox.write('hang.routilux.json', script('while (true) {}'))
    const timedOut = await sandbox.run(['run', hang, '--timeout', '200', '--json'])
    expect(timedOut.code).toBe(1)
    expect(JSON.parse(timedOut.stdout)).toMatchObject({ status: 'failed', error: { code: 'JOB_TIMEOUT' } })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 300)
    const cancelled = await sandbox.run(['run', hang], { signal: controller.signal })
    expect(cancelled.code).toBe(1)
    expect(cancelled.stdout).toMatch(/^✗ cancelled/)
  }, 60_000)

  it('draws a progress line on a terminal and clears it', async () => {
    // The script fails its first attempt; the retry waits 250 ms, so the line is drawn meanwhile.
    const retried = flow(
      [
        { id: 'start', type: 'flow.trigger', config: {} },
        {
          id: 'work',
          type: 'script.javascript',
          config: { code: "if (meta.attempt === 1) throw new Error('flaky')\nemit('output', data)" },
          errorHandler: { strategy: 'retry', maxRetries: 1, retryDelayMs: 250 },
        },
        { id: 'log', type: 'flow.logger', config: { message: 'done' } },
      ],
      [
        ['start', 'output', 'work', 'input'],
        ['work', 'output', 'log', 'input'],
      ],
    )
    const result = await sandbox.run(['run', sandbox.write('retried.routilux.json', retried)], { tty: true })
    expect(result.code).toBe(0)
    const frames = [...result.stderr.matchAll(/running · (\d+)\/(\d+) deliveries(.*?) · [\d.]+ s/g)]
    expect(frames.length).toBeGreaterThan(0)
    for (const [, finished, queued] of frames) expect(Number(finished)).toBeLessThanOrEqual(Number(queued))
    expect(
      frames.some(
        ([, finished, queued, extra]) => finished === '1' && queued === '2' && extra === ' · 1 retry',
      ),
    ).toBe(true)
    expect(result.stderr.endsWith('\r\u001b[K')).toBe(true)
    expect(result.stdout).toMatch(/^✓ completed/)
    const plain = await sandbox.run(['run', 'retried.routilux.json'])
    expect(plain.stderr).toBe('')
  })

  it('exits 2 for bad arguments and documents with errors', async () => {
    expect((await sandbox.run(['run', 'good.routilux.json', '--params', '[1]'])).code).toBe(2)
    expect((await sandbox.run(['run', 'good.routilux.json', '--params', 'nope'])).code).toBe(2)
    expect((await sandbox.run(['run', 'good.routilux.json', '--timeout', '-5'])).code).toBe(2)
    const unknownEntry = await sandbox.run(['run', 'good.routilux.json', '--entry', 'ghost'])
    expect(unknownEntry.code).toBe(2)
    expect(unknownEntry.stderr).toContain('ghost')
    expect((await sandbox.run(['run', 'bad.routilux.json'])).code).toBe(2)
    expect((await sandbox.run(['run', 'good.routilux.json', '--bogus'])).code).toBe(2)
  })
})

describe('routilux help, schema and import', () => {
  it('prints help and usage', async () => {
    expect(await sandbox.run(['--help'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Commands:'),
    })
    expect((await sandbox.run([])).code).toBe(2)
    expect(await sandbox.run(['run', '--help'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Usage: routilux run FILE'),
    })
    expect((await sandbox.run(['frobnicate'])).code).toBe(2)
  })

  it('prints the published schema', async () => {
    const published = readFileSync(new URL('../../../resources/flow.schema.json', import.meta.url), 'utf8')
    expect((await sandbox.run(['schema'])).stdout).toBe(published)
    // The identifier saved documents carry as $schema, and the schema's $id: a name, not a URL to fetch.
    expect((await sandbox.run(['schema', '--id'])).stdout).toBe('urn:routilux:flow-document:v1\n')
    expect(JSON.parse(published).$id).toBe('urn:routilux:flow-document:v1')
    const saved = JSON.parse(readFileSync(sandbox.path(sandbox.write('id.routilux.json', good)), 'utf8'))
    expect(saved.$schema).toBe('urn:routilux:flow-document:v1')
  })

  it('imports a Python flow into a document and lists what needs attention', async () => {
    const payload = readFileSync(
      new URL('../../document/fixtures/python-flows/etl_pipeline.py-flow.json', import.meta.url),
      'utf8',
    )
    const result = await sandbox.run([
      'import',
      sandbox.write('etl.json', payload),
      '-o',
      'etl.routilux.json',
    ])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('PY_CONNECTION_AMBIGUOUS')
    const validated = await sandbox.run(['validate', 'etl.routilux.json'])
    expect(validated.stdout).toContain('$.routines[0].type: UNKNOWN_TYPE')
  })
})
