import { afterAll, describe, expect, it } from 'vitest'
import type { ScriptRequest } from '../../routines/script-runner'
import type { OutputEntry, Payload } from '../../types'
import { WorkerScriptRunner } from './worker-script-runner'

const runner = new WorkerScriptRunner({ poolSize: 2 })
afterAll(async () => {
  await runner.dispose()
})

interface Captured {
  emits: Array<[string, Payload]>
  logs: Array<[OutputEntry['level'], string, Payload | undefined]>
}

async function run(
  code: string,
  overrides: Partial<ScriptRequest> = {},
): Promise<Captured & { returned?: Payload }> {
  const captured: Captured = { emits: [], logs: [] }
  const outcome = await runner.run({
    code,
    data: { value: 2, nested: { list: [1, 2] } },
    config: { factor: 3 },
    events: ['output', 'other'],
    meta: { routineId: 'r1', slot: 'input', attempt: 1, jobId: 'j1' },
    timeoutMs: 2000,
    memoryMb: 64,
    grants: {},
    onEmit: (event, data) => captured.emits.push([event, data]),
    onLog: (level, message, data) => captured.logs.push([level, message, data]),
    ...overrides,
  })
  return { ...captured, ...outcome }
}

async function failure(
  code: string,
  overrides: Partial<ScriptRequest> = {},
): Promise<{ code: string; message: string; details?: Payload }> {
  try {
    await run(code, overrides)
  } catch (error) {
    return error as { code: string; message: string; details?: Payload }
  }
  throw new Error('the script was expected to fail')
}

describe('WorkerScriptRunner: running scripts', () => {
  it('gives the script data, config, emit, log and meta', async () => {
    const out = await run(`
      log('info', 'starting', { slot: meta.slot })
      console.warn('x', { a: 1 })
      emit('output', { result: data.value * config.factor, id: meta.routineId })
      emit('other')
    `)
    expect(out.emits).toEqual([
      ['output', { result: 6, id: 'r1' }],
      ['other', {}],
    ])
    expect(out.logs).toEqual([
      ['info', 'starting', { slot: 'input' }],
      ['warn', 'x {"a":1}', undefined],
    ])
  })

  it('supports async code and returns a plain object result', async () => {
    const out = await run('const v = await Promise.resolve(data.nested.list.length)\nreturn { v }')
    expect(out.returned).toEqual({ v: 2 })
  })

  it('reports a syntax error with line and column before running', async () => {
    const error = await failure('const a = 1\nconst = 2')
    expect(error.code).toBe('SCRIPT_SYNTAX_ERROR')
    expect(error.message).toMatch(/line 2, column 7/)
  })

  it('reports a runtime error with the script line and column', async () => {
    const error = await failure('const a = 1\n\n  null.boom')
    expect(error.code).toBe('SCRIPT_ERROR')
    expect(error.message).toMatch(/^TypeError: .*null.*\(line 3, column \d+\)$/)
    expect(error.details).toMatchObject({ name: 'TypeError', line: 3 })
  })

  it('rejects emitting an undeclared event or a non-object payload inside the script', async () => {
    expect((await failure("emit('nope', {})")).message).toMatch(
      /unknown event "nope"; this routine declares: output, other/,
    )
    expect((await failure("emit('output', [1])")).message).toMatch(/plain object/)
  })

  it('fails clearly when the script awaits something that can never settle', async () => {
    expect((await failure('await new Promise(() => {})')).message).toMatch(/nothing will ever resolve/)
  })

  it('keeps no state between runs (a fresh context each time)', async () => {
    await run('globalThis.leak = 1; Object.prototype.polluted = true')
    const out = await run(
      "emit('output', { leak: typeof globalThis.leak, polluted: ({}).polluted === true })",
    )
    expect(out.emits[0]?.[1]).toEqual({ leak: 'undefined', polluted: false })
  })

  it('hands payloads over as JSON (copies), so the host data is untouched', async () => {
    const data: Payload = { value: 1, nested: { list: [1] } }
    await run('data.nested.list.push(2); data.__proto__.hacked = 1', { data })
    expect(data).toEqual({ value: 1, nested: { list: [1] } })
  })
})

describe('WorkerScriptRunner: isolation', () => {
  const probe = async (expression: string) => {
    const out = await run(`
      let result
      try { result = await (async () => ${expression})() } catch (e) { result = 'threw ' + (e && e.constructor && e.constructor.name) }
      emit('output', { result: typeof result === 'string' ? result : typeof result })
    `)
    return out.emits[0]?.[1].result
  }

  it.each([
    ['process', 'typeof process'],
    ['require', 'typeof require'],
    ['module', 'typeof module'],
    ['Buffer', 'typeof Buffer'],
    ['setTimeout', 'typeof setTimeout'],
    ['WebAssembly', 'typeof WebAssembly'],
  ])('has no %s', async (_name, expression) => {
    expect(await probe(expression)).toBe('undefined')
  })

  it.each([
    "globalThis.constructor.constructor('return process')()",
    "this.constructor.constructor('return process')()",
    "emit.constructor('return process')()",
    "log.constructor.constructor('return this')()",
    "(async function(){}).constructor('return process')()",
    "(function*(){}).constructor('return process')().next()",
    "Function('return process')()",
    "eval('process')",
    "new Error().constructor.constructor('return process')()",
  ])('blocks code generation: %s', async (expression) => {
    expect(await probe(expression)).toMatch(/^threw (EvalError|TypeError|ReferenceError)$/)
  })

  it('blocks error-object constructor tricks through errors thrown by the sandbox API', async () => {
    const out = await run(`
      let verdict = 'no error'
      try { emit(42) } catch (e) {
        try { verdict = typeof e.constructor.constructor('return process')() } catch (inner) { verdict = 'blocked ' + inner.constructor.name }
      }
      emit('output', { verdict })
    `)
    expect(out.emits[0]?.[1].verdict).toBe('blocked EvalError')
  })

  it('blocks stack-trace callsite tricks from reaching host functions', async () => {
    const out = await run(`
      Error.prepareStackTrace = (_, frames) => frames.map((f) => typeof f.getFunction() + ':' + typeof f.getThis())
      const frames = new Error().stack
      Error.prepareStackTrace = undefined
      const leaked = Array.isArray(frames) && frames.some((f) => f.startsWith('function') && !f.endsWith('undefined'))
      emit('output', { leaked })
    `)
    expect(out.emits[0]?.[1].leaked).toBe(false)
  })

  it('rejects dynamic import(), and its error leads nowhere', async () => {
    const out = await run(`
      let verdict
      let escape
      try { await import('node:fs'); verdict = 'imported' } catch (e) {
        verdict = e.code
        try { escape = typeof e.constructor.constructor('return process')() } catch (inner) { escape = 'blocked' }
      }
      emit('output', { verdict, escape })
    `)
    expect(out.emits[0]?.[1]).toEqual({
      verdict: 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING',
      escape: 'blocked',
    })
  })

  it('has no fetch unless granted', async () => {
    expect((await failure("await fetch('http://127.0.0.1:1/')")).message).toMatch(/fetch is not granted/)
  })

  it('cannot pollute host prototypes through data.__proto__ or Object.prototype', async () => {
    const data = JSON.parse('{"__proto__": {"x": 1}}') as Payload
    await run(
      "Object.prototype.polluted = 'yes'; data.__proto__.polluted = 'yes'; Array.prototype.push = null; emit('output', data)",
      {
        data,
      },
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(typeof [].push).toBe('function')
  })
})

describe('WorkerScriptRunner: limits', () => {
  it('stops an infinite loop at its time limit with HANDLER_TIMEOUT and replaces the worker', async () => {
    const started = Date.now()
    const error = await failure('while (true) {}', { timeoutMs: 200 })
    expect(error.code).toBe('HANDLER_TIMEOUT')
    expect(error.message).toMatch(/time limit of 200 ms/)
    expect(Date.now() - started).toBeLessThan(10_000)
    expect((await run("emit('output', { ok: true })")).emits).toEqual([['output', { ok: true }]])
  })

  it('stops a memory bomb at its memory limit', async () => {
    const error = await failure(
      'const keep = []; for (;;) keep.push(new Array(100000).fill(Math.random()))',
      {
        memoryMb: 32,
        timeoutMs: 15_000,
      },
    )
    expect(error.code).toBe('SCRIPT_ERROR')
    expect(error.details).toMatchObject({ reason: 'memory', memoryMb: 32 })
  })

  it('charges binary buffers (outside the heap) against the memory limit', async () => {
    const error = await failure('const keep = []; for (;;) keep.push(new Uint8Array(8 * 1024 * 1024))', {
      memoryMb: 32,
    })
    expect(error.message).toMatch(/RangeError: binary allocation exceeds the script memory limit/)
    const viaSpecies = await failure(
      'const a = new Uint8Array(16 * 1024 * 1024); a.slice(); a.map((x) => x)',
      { memoryMb: 32 },
    )
    expect(viaSpecies.message).toMatch(/binary allocation exceeds/)
    expect((await run("emit('output', { n: new Float64Array([1, 2]).length })")).emits[0]?.[1]).toEqual({
      n: 2,
    })
  })

  it('stops a run when its signal aborts', async () => {
    const controller = new AbortController()
    const pending = failure('while (true) {}', { signal: controller.signal, timeoutMs: 10_000 })
    setTimeout(() => controller.abort(new Error('cancelled by test')), 50)
    expect((await pending).message).toBe('cancelled by test')
  })

  it('reuses pooled workers instead of starting one per run', async () => {
    const local = new WorkerScriptRunner({ poolSize: 1 })
    try {
      for (let i = 0; i < 5; i++) {
        await local.run({
          code: "emit('output', {})",
          data: {},
          config: {},
          events: ['output'],
          meta: { routineId: 'r', slot: 's', attempt: 1, jobId: 'j' },
          timeoutMs: 2000,
          memoryMb: 64,
          grants: {},
          onEmit: () => undefined,
          onLog: () => undefined,
        })
      }
      expect(local.workerCount).toBe(1)
    } finally {
      await local.dispose()
    }
    expect(local.workerCount).toBe(0)
  })
})
