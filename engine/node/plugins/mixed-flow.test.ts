import { resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Flow } from '../../flow'
import { createBuiltinRoutines } from '../../routines/builtins/catalog'
import { RoutineRegistry } from '../../routines/registry'
import { WorkerScriptRunner } from '../script/worker-script-runner'
import { loadPlugins } from './load-plugins'

const runner = new WorkerScriptRunner()
afterAll(async () => {
  await runner.dispose()
})

async function studioRegistry(): Promise<RoutineRegistry> {
  const builtins = createBuiltinRoutines({ scriptRunner: runner })
  const plugins = await loadPlugins(resolve(__dirname, '../../../resources/plugins'), {
    reserved: builtins.map((d) => d.id),
  })
  expect(plugins.problems).toEqual([])
  return new RoutineRegistry([...builtins, ...plugins.definitions])
}

describe('a flow mixing built-ins, a script routine and a plugin routine', () => {
  it('runs end to end', async () => {
    const registry = await studioRegistry()
    const flow = new Flow({ id: 'mixed' })
    const add = (id: string, type: string, config: Record<string, unknown> = {}) => {
      const result = registry.instantiate({ id, type, config })
      expect(result.problems).toEqual([])
      flow.addRoutine(result.routine, id)
    }
    add('start', 'flow.trigger', { payload: { words: [] } })
    add('split', 'flow.splitter', { field: 'words' })
    add('shout', 'script.javascript', {
      code: "log('debug', 'word ' + data.index)\nemit('output', { text: data.item.toUpperCase(), index: data.index })",
    })
    add('reverse', 'example.reverse')
    add('collect', 'flow.aggregator', { count: 3, field: 'text' })
    add('route', 'control.router', {
      routes: [{ name: 'complete', condition: 'data.count == 3 and "DEF" in data.items' }],
    })
    add('report', 'flow.logger', { message: 'collected {data.count}: {data.items}' })
    flow.connect('start', 'output', 'split', 'input')
    flow.connect('split', 'item', 'shout', 'input')
    flow.connect('shout', 'output', 'reverse', 'input')
    flow.connect('reverse', 'output', 'collect', 'input')
    flow.connect('collect', 'output', 'route', 'input')
    flow.connect('route', 'complete', 'report', 'input')

    const job = await flow.run('start', { words: ['abc', 'de', 'fed'] })
    expect(job.error).toBeUndefined()
    expect(job.status).toBe('completed')
    const report = job.outputLog.find((entry) => entry.routineId === 'report')
    expect(report?.message).toBe('collected 3: ["CBA","ED","DEF"]')
    expect(job.outputLog.filter((entry) => entry.routineId === 'shout').map((e) => e.message)).toEqual([
      'word 0',
      'word 1',
      'word 2',
    ])
    expect(job.routineStates.shout?.runs).toBe(3)
  })

  it('turns a runaway script into HANDLER_TIMEOUT that fails the job under the default STOP strategy', async () => {
    const registry = await studioRegistry()
    const flow = new Flow({ id: 'runaway' })
    flow.addRoutine(registry.instantiate({ type: 'flow.trigger', config: {} }).routine, 'start')
    flow.addRoutine(
      registry.instantiate({ type: 'script.javascript', config: { code: 'for (;;) {}', timeout_ms: 150 } })
        .routine,
      'loop',
    )
    flow.connect('start', 'output', 'loop', 'input')
    const job = await flow.run('start', {})
    expect(job.status).toBe('failed')
    expect(job.error).toMatchObject({ code: 'HANDLER_TIMEOUT', routineId: 'loop' })
  })
})
