import { describe, expect, it } from 'vitest'
import { RoutineRegistry } from '../../registry'
import type { ScriptRequest, ScriptRunner } from '../../script-runner'
import { runSlot } from '../../test-support'
import { builtinRoutines, createBuiltinRoutines } from '../catalog'

/** A runner that records requests and replays scripted emits, logs and a return value. */
function fakeRunner(
  behaviour: (request: ScriptRequest) => Record<string, unknown> | undefined,
): ScriptRunner & { requests: ScriptRequest[] } {
  const requests: ScriptRequest[] = []
  return {
    requests,
    async run(request) {
      requests.push(request)
      const returned = behaviour(request)
      return returned === undefined ? {} : { returned }
    },
    async dispose() {},
  }
}

describe('script.javascript', () => {
  it('describes dynamic ports and validates its code as a config problem with line and column', () => {
    const registry = new RoutineRegistry(builtinRoutines)
    const result = registry.instantiate(
      {
        id: 's',
        type: 'script.javascript',
        config: { code: 'emit(\n  1 +', slots: ['a', 'b'], events: ['x'] },
      },
      { path: '$.routines[3]' },
    )
    expect([...result.routine.slots.keys()]).toEqual(['a', 'b'])
    expect([...result.routine.events.keys()]).toEqual(['x'])
    expect(result.problems).toMatchObject([
      { code: 'SCRIPT_SYNTAX_ERROR', location: { path: '$.routines[3].config.code', routineId: 's' } },
    ])
    expect(result.problems[0]?.message).toMatch(/\(line 2, column \d+\)$/)
  })

  it('hands the runner the payload, the config without the code, limits, grants and metadata', async () => {
    const runner = fakeRunner((request) => {
      request.onEmit('x', { n: 1 })
      request.onLog('info', 'hello')
      return { done: true }
    })
    const registry = new RoutineRegistry(createBuiltinRoutines({ scriptRunner: runner }))
    const { routine } = registry.instantiate({
      type: 'script.javascript',
      config: {
        code: 'return {}',
        events: ['x', 'output'],
        timeout_ms: 50,
        memory_mb: 16,
        grants: { fetch: true, fetch_hosts: ['api.example.com'] },
        k: 1,
      },
    })
    const run = await runSlot(routine, 'input', { v: 2 }, { routineId: 'script1' })
    const [request] = runner.requests
    expect(request).toMatchObject({
      code: 'return {}',
      data: { v: 2 },
      events: ['x', 'output'],
      timeoutMs: 50,
      memoryMb: 16,
      grants: { fetch: true, fetchHosts: ['api.example.com'] },
      meta: { routineId: 'script1', slot: 'input', attempt: 1, jobId: 'test-job' },
    })
    expect(request?.config).not.toHaveProperty('code')
    expect(request?.config).toMatchObject({ k: 1 })
    expect(run.emits).toEqual([
      { event: 'x', data: { n: 1 } },
      { event: 'output', data: { done: true } },
    ])
    expect(run.logs).toEqual([{ level: 'info', message: 'hello' }])
  })

  it('denies every grant by default', async () => {
    const runner = fakeRunner(() => undefined)
    const { routine } = new RoutineRegistry(createBuiltinRoutines({ scriptRunner: runner })).instantiate({
      type: 'script.javascript',
      config: {},
    })
    await runSlot(routine, 'input', {})
    expect(runner.requests[0]?.grants).toEqual({ fetch: false, fetchHosts: [] })
  })

  it('fails with INVALID_STATE when the host has no script runner', async () => {
    const { routine } = new RoutineRegistry(builtinRoutines).instantiate({
      type: 'script.javascript',
      config: {},
    })
    await expect(runSlot(routine, 'input', {})).rejects.toMatchObject({ code: 'INVALID_STATE' })
  })
})
