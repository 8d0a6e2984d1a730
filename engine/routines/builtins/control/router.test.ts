import { describe, expect, it } from 'vitest'
import { RoutineRegistry } from '../../registry'
import { runSlot } from '../../test-support'
import { builtinRoutines } from '../catalog'

const registry = new RoutineRegistry(builtinRoutines)
const router = (config: Record<string, unknown>, typeVersion?: number) =>
  registry.instantiate({ type: 'control.router', config, ...(typeVersion !== undefined && { typeVersion }) })

const etl = {
  routes: [
    { name: 'high', condition: "data.get('value', 0) > 10" },
    { name: 'low', condition: "data.get('value', 0) <= 10" },
  ],
  default_route: 'low',
}

describe('control.router', () => {
  it('routes the first match with the input extracted from `data`', async () => {
    const { routine, problems } = router(etl)
    expect(problems).toEqual([])
    const run = await runSlot(routine, 'input', { data: { value: 12 } })
    expect(run.emits).toEqual([{ event: 'high', data: { data: { value: 12 }, route: 'high' } }])
  })

  it.each([
    [{ data: { value: 3 } }, { value: 3 }],
    [{ v: 1 }, 1],
    [
      { v: 1, w: 2 },
      { v: 1, w: 2 },
    ],
    [{}, {}],
  ])('extracts the input of %j as %j (Routilux convention)', async (payload, expected) => {
    const { routine } = router({ routes: [{ name: 'all', condition: 'true' }] })
    const run = await runSlot(routine, 'input', payload)
    expect(run.emits[0]?.data.data).toEqual(expected)
  })

  it('emits every matching route in order with all_matches', async () => {
    const { routine } = router({
      routes: [
        { name: 'a', condition: 'data > 1' },
        { name: 'b', condition: 'data > 100' },
        { name: 'c', condition: 'data > 2' },
      ],
      route_priority: 'all_matches',
    })
    const run = await runSlot(routine, 'input', { data: 5 })
    expect(run.emits.map((e) => e.event)).toEqual(['a', 'c'])
  })

  it('sends unmatched input to the default route, or to output with route "unmatched"', async () => {
    const withDefault = await runSlot(
      router({ routes: [{ name: 'a', condition: 'false' }], default_route: 'rest' }).routine,
      'input',
      { data: 1 },
    )
    expect(withDefault.emits).toEqual([{ event: 'rest', data: { data: 1, route: 'rest' } }])
    const without = await runSlot(router({ routes: [{ name: 'a', condition: 'false' }] }).routine, 'input', {
      data: 1,
    })
    expect(without.emits).toEqual([{ event: 'output', data: { data: 1, route: 'unmatched' } }])
  })

  it('reads config values in conditions', async () => {
    const { routine } = router({ routes: [{ name: 'big', condition: 'data.size > config.limit' }], limit: 3 })
    expect((await runSlot(routine, 'input', { data: { size: 4 } })).emits[0]?.event).toBe('big')
  })

  it('fails with EXPRESSION_ERROR when a condition cannot be evaluated (default)', async () => {
    const { routine } = router({ routes: [{ name: 'a', condition: 'data.name > 3' }] })
    await expect(runSlot(routine, 'input', { data: { name: 'x' } })).rejects.toMatchObject({
      code: 'EXPRESSION_ERROR',
      message: "Cannot compare string 'x' with number 3 (at 1:1)",
    })
  })

  it('treats an evaluation error as no match with on_error "no_match", and logs it', async () => {
    const { routine } = router({
      routes: [
        { name: 'a', condition: 'data.name > 3' },
        { name: 'b', condition: 'true' },
      ],
      on_error: 'no_match',
    })
    const run = await runSlot(routine, 'input', { data: { name: 'x' } })
    expect(run.emits.map((e) => e.event)).toEqual(['b'])
    expect(run.logs[0]).toMatchObject({ level: 'warn', data: { route: 'a' } })
  })

  it('reports condition syntax errors as config problems with the path of the condition', () => {
    const { problems } = router({
      routes: [
        { name: 'a', condition: 'data >' },
        { name: 'a', condition: 'true' },
      ],
    })
    expect(problems).toMatchObject([
      {
        code: 'EXPRESSION_ERROR',
        location: { path: '$.config.routes[0].condition' },
        message: 'Unexpected end of expression (at 1:7)',
      },
      { code: 'INVALID_CONFIG', location: { path: '$.config.routes[1].name' } },
    ])
  })

  it('rejects an unknown priority instead of silently treating it as all_matches', () => {
    expect(router({ route_priority: 'whatever' }).problems[0]?.location.path).toBe('$.config.route_priority')
  })

  it('migrates a Routilux (version 1) config: pairs, Python expressions and dict conditions', async () => {
    const v1 = {
      routes: [
        ['high', "data.get('value', 0) > 10"],
        ['vip', { tier: 'gold', active: true }],
      ],
      default_route: 'low',
      route_priority: 'all_matches',
    }
    const { routine, config, problems } = router(v1, 1)
    expect(problems).toEqual([])
    expect(config.routes).toEqual([
      { name: 'high', condition: "data.get('value', 0) > 10" },
      { name: 'vip', condition: 'data.get("tier") == "gold" and data.get("active") == true' },
    ])
    const run = await runSlot(routine, 'input', { data: { value: 20, tier: 'gold', active: true } })
    expect(run.emits.map((e) => e.event)).toEqual(['high', 'vip'])
  })

  it('reports a version-1 config with a code condition as a migration problem', () => {
    const { problems } = router(
      { routes: [['x', { _type: 'lambda_expression', expression: 'lambda d: d' }]] },
      1,
    )
    expect(problems[0]?.message).toMatch(/route "x" is code/)
  })
})
