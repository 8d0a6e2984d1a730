import { describe, expect, it } from 'vitest'
import { Flow } from './flow'
import { Routine } from './routine'
import type { Payload } from './types'

function source(): Routine {
  const routine = new Routine()
  routine.defineEvent('out')
  routine.defineSlot('trigger', (data, ctx) => {
    const count = typeof data.count === 'number' ? data.count : 1
    for (let i = 0; i < count; i++) ctx.emit('out', { seq: i })
  })
  return routine
}

function sink(received: Payload[]): Routine {
  const routine = new Routine()
  routine.defineSlot('in', (data) => {
    received.push(data)
  })
  return routine
}

describe('Flow basics', () => {
  it('runs a source into a sink and completes', async () => {
    const flow = new Flow({ id: 'basic' })
    const received: Payload[] = []
    flow.addRoutine(source(), 'src')
    flow.addRoutine(sink(received), 'sink')
    flow.connect('src', 'out', 'sink', 'in')
    const job = await flow.run('src', { count: 3 })
    expect(job.status).toBe('completed')
    expect(received).toEqual([{ seq: 0 }, { seq: 1 }, { seq: 2 }])
    expect(job.routineStates.sink).toMatchObject({ status: 'completed', runs: 3 })
  })

  it('never runs the entry handler inside execute()', async () => {
    const flow = new Flow()
    const calls: string[] = []
    const entry = new Routine()
    entry.defineSlot('trigger', () => {
      calls.push('entry')
    })
    flow.addRoutine(entry, 'entry')
    const job = flow.execute('entry')
    calls.push('after execute')
    await job.done
    expect(calls).toEqual(['after execute', 'entry'])
  })
})
