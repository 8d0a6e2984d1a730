import { describe, expect, it } from 'vitest'
import { isRoutiluxError } from '../errors'
import { Routine } from '../routine'
import { builtinRoutines } from './builtins/catalog'
import type { RoutineDefinition } from './definition'
import { resolvePorts } from './descriptor'
import { validateConfigSchema } from './descriptor-config'
import { RoutineRegistry } from './registry'
import { runSlot } from './test-support'

const echo: RoutineDefinition = {
  id: 'test.echo',
  title: 'Echo',
  category: 'utils',
  description: 'Echoes its input.',
  version: 3,
  migrations: {
    1: (c) => ({ ...c, prefix: c.pre ?? '', pre: undefined }),
    2: (c) => ({ ...c, times: Number(c.times ?? 1) }),
  },
  configSchema: {
    type: 'object',
    properties: {
      prefix: { type: 'string', default: '>' },
      times: { type: 'integer', minimum: 1, default: 1 },
      nested: { type: 'object', properties: { on: { type: 'boolean', default: true } }, default: {} },
    },
  },
  slots: [
    {
      name: 'input',
      handler: (data, ctx) => ctx.emit('output', { text: `${ctx.config.prefix}${data.text}` }),
    },
  ],
  events: [{ name: 'output', params: ['text'] }],
}

describe('RoutineRegistry', () => {
  it('rejects duplicate type ids with DUPLICATE_TYPE', () => {
    try {
      new RoutineRegistry([echo, { ...echo }])
      expect.unreachable()
    } catch (error) {
      expect(isRoutiluxError(error, 'DUPLICATE_TYPE')).toBe(true)
    }
  })

  it('rejects a structurally invalid definition with a message naming the problems', () => {
    expect(
      () => new RoutineRegistry([{ ...echo, id: 'NoDot', slots: [{ name: 'a' }, { name: 'a' }] }]),
    ).toThrow(/must be a dotted lowercase name.*duplicate name "a"/)
  })

  it('describes every type as plain data whose defaults validate and round-trip', () => {
    const registry = new RoutineRegistry([...builtinRoutines, echo])
    const descriptors = registry.describe()
    expect(descriptors.map((d) => d.type)).toEqual(registry.types)
    for (const descriptor of descriptors) {
      expect(JSON.parse(JSON.stringify(descriptor))).toEqual(descriptor)
      expect(validateConfigSchema(descriptor.configSchema, descriptor.defaults)).toEqual([])
      expect(registry.instantiate({ type: descriptor.type, config: descriptor.defaults }).config).toEqual(
        descriptor.defaults,
      )
    }
    expect(registry.describeType('test.echo').defaults).toEqual({
      prefix: '>',
      times: 1,
      nested: { on: true },
    })
  })

  it('instantiates with defaults applied and a working routine', async () => {
    const registry = new RoutineRegistry([echo])
    const result = registry.instantiate({ type: 'test.echo', config: { prefix: '#' } })
    expect(result.problems).toEqual([])
    expect(result.config).toEqual({ prefix: '#', times: 1, nested: { on: true } })
    expect(result.routine).toBeInstanceOf(Routine)
    const run = await runSlot(result.routine, 'input', { text: 'hi' })
    expect(run.emits).toEqual([{ event: 'output', data: { text: '#hi' } }])
  })

  it('migrates an old config step by step to the current version', () => {
    const registry = new RoutineRegistry([echo])
    const result = registry.instantiate({
      type: 'test.echo',
      typeVersion: 1,
      config: { pre: '$', times: '2' },
    })
    expect(result.typeVersion).toBe(3)
    expect(result.config).toMatchObject({ prefix: '$', times: 2 })
    expect(result.problems).toEqual([])
  })

  it('reports a failing migration and keeps the last good config', () => {
    const broken = {
      ...echo,
      migrations: {
        2: () => {
          throw new Error('boom')
        },
      },
    }
    const result = new RoutineRegistry([broken]).instantiate(
      { id: 'e', type: 'test.echo', typeVersion: 2, config: { prefix: 'x' } },
      { path: '$.routines[4]' },
    )
    expect(result.problems).toEqual([
      {
        severity: 'error',
        code: 'INVALID_CONFIG',
        message: 'migrating the config from version 2 failed: boom',
        location: { path: '$.routines[4].typeVersion', routineId: 'e' },
      },
    ])
    expect(result.config.prefix).toBe('x')
  })

  it('warns about a config from a newer version and keeps it', () => {
    const result = new RoutineRegistry([echo]).instantiate({ type: 'test.echo', typeVersion: 9, config: {} })
    expect(result.problems).toMatchObject([{ severity: 'warning', code: 'INVALID_CONFIG' }])
    expect(result.typeVersion).toBe(9)
  })

  it('reports schema violations with JSON paths into the document', () => {
    const result = new RoutineRegistry([echo]).instantiate(
      { id: 'e', type: 'test.echo', config: { times: 0, prefix: 3 } },
      { path: '$.routines[1]' },
    )
    expect(result.problems.map((p) => p.location.path).sort()).toEqual([
      '$.routines[1].config.prefix',
      '$.routines[1].config.times',
    ])
    expect(result.placeholder).toBe(false)
  })

  it('turns an unknown type into a placeholder with the ports connections need', async () => {
    const registry = new RoutineRegistry(builtinRoutines)
    const result = registry.instantiate(
      { id: 'x', type: 'acme.missing', config: { keep: 1 } },
      { path: '$.routines[0]', ports: { slots: ['in'], events: ['out', 'err'] } },
    )
    expect(result.placeholder).toBe(true)
    expect(result.config).toEqual({ keep: 1 })
    expect(result.routine.config).toEqual({ keep: 1 })
    expect([...result.routine.slots.keys()]).toEqual(['in'])
    expect([...result.routine.events.keys()]).toEqual(['out', 'err'])
    expect(result.descriptor).toMatchObject({ type: 'acme.missing', placeholder: true })
    expect(result.problems).toEqual([
      {
        severity: 'error',
        code: 'UNKNOWN_TYPE',
        message: 'routine type "acme.missing" is not installed',
        location: { path: '$.routines[0].type', routineId: 'x' },
      },
    ])
    await expect(runSlot(result.routine, 'in', {})).rejects.toMatchObject({ code: 'UNKNOWN_TYPE' })
  })

  it('turns a throwing factory into a placeholder with the type ports and a problem', () => {
    const failing: RoutineDefinition = {
      ...echo,
      create: () => {
        throw new Error('no can do')
      },
    }
    const result = new RoutineRegistry([failing]).instantiate({ type: 'test.echo', config: {} })
    expect(result.placeholder).toBe(true)
    expect([...result.routine.slots.keys()]).toEqual(['input'])
    expect(result.problems[0]?.message).toContain('no can do')
  })

  it('rejects a non-object config without throwing', () => {
    const result = new RoutineRegistry([echo]).instantiate({ type: 'test.echo', config: [1, 2] })
    expect(result.problems[0]).toMatchObject({ code: 'INVALID_CONFIG', location: { path: '$.config' } })
    expect(result.config).toEqual({ prefix: '>', times: 1, nested: { on: true } })
  })

  it('applies document merge overrides to slots', () => {
    const result = new RoutineRegistry([echo]).instantiate({
      type: 'test.echo',
      config: {},
      merge: { input: 'append' },
    })
    expect(result.routine.getSlot('input')?.merge).toBe('append')
  })

  it('gives config-named slots the merge strategy of their spec', () => {
    const collector: RoutineDefinition = {
      id: 'test.collector',
      title: 'Collector',
      category: 'utils',
      description: 'Collects.',
      dynamicSlots: { configKey: 'inputs', merge: 'append' },
    }
    const { routine } = new RoutineRegistry([collector]).instantiate({
      type: 'test.collector',
      config: { inputs: ['a'] },
    })
    expect(routine.getSlot('a')?.merge).toBe('append')
  })

  it('creates config-named ports, matching resolvePorts', () => {
    const registry = new RoutineRegistry(builtinRoutines)
    const config = { routes: [{ name: 'high', condition: 'data > 1' }], default_route: 'low' }
    const { routine, descriptor } = registry.instantiate({ type: 'control.router', config })
    const events = resolvePorts(descriptor, { ...descriptor.defaults, ...config }).events.map((e) => e.name)
    expect([...routine.events.keys()]).toEqual(events)
    expect(events).toEqual(['output', 'high', 'low'])
  })

  it('extend() adds definitions to a new registry', () => {
    const base = new RoutineRegistry(builtinRoutines)
    const extended = base.extend([echo])
    expect(extended.has('test.echo')).toBe(true)
    expect(base.has('test.echo')).toBe(false)
    expect(() => extended.extend([echo])).toThrow(/defined twice/)
  })
})
