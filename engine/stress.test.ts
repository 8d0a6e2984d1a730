import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { Flow } from './flow'
import { Routine } from './routine'
import { FlowHarness, sleep } from './testing/harness'

function fanout(mode: 'sequential' | 'concurrent', asyncSink = false) {
  const flow = new Flow({ executionMode: mode, maxWorkers: 4 })
  const source = new Routine()
  source.defineEvent('out')
  source.defineSlot('trigger', (data, ctx) => {
    for (let i = 0; i < (data.count as number); i++) ctx.emit('out', { seq: i, value: 0 })
  })
  const totals = { count: 0, sum: 0 }
  const sink = new Routine()
  sink.defineSlot('in', (data) => {
    totals.count++
    totals.sum += data.seq as number
    return asyncSink ? Promise.resolve() : undefined
  })
  flow.addRoutine(source, 'src')
  flow.addRoutine(sink, 'sink')
  flow.connect('src', 'out', 'sink', 'in')
  return { flow, totals }
}

function chain(length: number) {
  const flow = new Flow()
  let last: unknown
  for (let i = 0; i < length; i++) {
    const routine = new Routine()
    if (i < length - 1) routine.defineEvent('out')
    if (i === 0) routine.defineSlot('trigger', (_d, ctx) => ctx.emit('out', { value: 0 }))
    else if (i < length - 1)
      routine.defineSlot('in', (d, ctx) => ctx.emit('out', { value: (d.value as number) + 1 }))
    else
      routine.defineSlot('in', (d) => {
        last = d.value
      })
    flow.addRoutine(routine, `r${i}`)
    if (i > 0) flow.connect(`r${i - 1}`, 'out', `r${i}`, 'in')
  }
  return { flow, last: () => last }
}

describe('stress', () => {
  it('delivers a 10,000-event fan-out exactly, sequentially and concurrently', async () => {
    for (const [mode, asyncSink] of [
      ['sequential', false],
      ['concurrent', false],
      ['concurrent', true],
    ] as const) {
      const { flow, totals } = fanout(mode, asyncSink)
      const job = await flow.run('src', { count: 10_000 })
      expect(job.status).toBe('completed')
      expect(totals).toEqual({ count: 10_000, sum: 49_995_000 })
      expect(job.routineStates.sink?.runs).toBe(10_000)
      expect(job.trace.getRoutinePerformance('sink')?.completed).toBe(10_000)
    }
  })

  it('runs a 1,000-hop chain without growing the stack', async () => {
    const { flow, last } = chain(1001)
    const job = await flow.run('r0')
    expect(job.status).toBe('completed')
    expect(last()).toBe(999)
  })

  it('runs 150 routines in concurrent mode', async () => {
    let done = 0
    const h = new FlowHarness({ executionMode: 'concurrent', maxWorkers: 16 }).source('src')
    for (let i = 0; i < 149; i++) {
      h.routine(`w${i}`, {
        slots: {
          in: async () => {
            await sleep(1)
            done++
          },
        },
      })
      h.wire(`src.out -> w${i}.in`)
    }
    const job = await h.run('src')
    expect(job.status).toBe('completed')
    expect(done).toBe(149)
    expect(Object.values(job.routineStates).filter((s) => s.status === 'completed')).toHaveLength(150)
  })

  it('serves timers during a synchronous emit storm', async () => {
    const { flow, totals } = fanout('sequential')
    let seenMidway = -1
    const job = flow.execute('src', { count: 50_000 })
    setTimeout(() => {
      seenMidway = totals.count
    }, 0)
    await job.done
    expect(seenMidway).toBeGreaterThanOrEqual(0)
    expect(seenMidway).toBeLessThan(50_000)
  })

  it('keeps memory flat over repeated runs', async () => {
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    const { flow } = fanout('sequential')
    const runs = async (n: number) => {
      for (let i = 0; i < n; i++) await flow.run('src', { count: 200 })
    }
    await runs(150)
    gc()
    const before = process.memoryUsage().heapUsed
    await runs(600)
    gc()
    const growth = process.memoryUsage().heapUsed - before
    expect(flow.jobs.size).toBe(100)
    expect(growth).toBeLessThan(8 * 1024 * 1024)
  })
})
