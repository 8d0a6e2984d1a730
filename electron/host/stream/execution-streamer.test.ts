import { afterEach, describe, expect, it } from 'vitest'
import type { ExecutionBatch, JobUpdate } from '../../ipc/contract'
import { SyntheticJob } from '../testing/synthetic-job'
import { ExecutionStreamer } from './execution-streamer'

const streamers: ExecutionStreamer[] = []
afterEach(() => {
  for (const s of streamers.splice(0)) s.close()
})

function setup(limits?: Partial<{ samplesPerBatch: number; ringEvents: number; timelineSpans: number }>) {
  const batches: ExecutionBatch[] = []
  const streamer = new ExecutionStreamer({
    publish: (batch) => batches.push(batch),
    intervalMs: 60_000,
    ...(limits && {
      limits: {
        samplesPerBatch: 200,
        ringEvents: 5000,
        timelineSpans: 5000,
        trackedDeliveries: 1000,
        ...limits,
      },
    }),
  })
  streamers.push(streamer)
  const job = new SyntheticJob(streamer.observe)
  const update = (): JobUpdate => {
    const batch = streamer.flush()
    const found = batch?.jobs.find((j) => j.jobId === job.jobId)
    if (!found) throw new Error('no update for the job')
    return found
  }
  return { streamer, job, batches, update }
}

describe('ExecutionStreamer aggregation', () => {
  it('counts runs, deliveries per connection and queue depth per slot', () => {
    const { job, update } = setup()
    job.start('src')
    const entry = job.queue('src', 'trigger')
    job.run(entry, 'src', 'trigger')
    job.emit('src', 'out', ['c1', 'c2'])
    const a = job.queue('sink', 'left', 'c1')
    const b = job.queue('sink', 'right', 'c2')
    job.complete(entry, 'src', 'trigger', 4)
    let u = update()
    expect(u.routines.sink).toMatchObject({ status: 'queued', queued: 2, queueBySlot: { left: 1, right: 1 } })
    expect(u.routines.src).toMatchObject({ status: 'completed', runs: 1, lastDurationMs: 4 })
    expect(u.connections).toMatchObject({ c1: { delivered: 1, errors: 0 }, c2: { delivered: 1 } })
    expect(u.totals).toMatchObject({ deliveries: 3, emitted: 1, completed: 1, queued: 2, inFlight: 2 })

    job.run(a, 'sink', 'left')
    u = update()
    expect(u.routines.sink).toMatchObject({
      status: 'running',
      running: 1,
      queued: 1,
      queueBySlot: { left: 0, right: 1 },
    })
    expect(Object.keys(u.routines)).toEqual(['sink'])
    expect(u.full).toBe(false)

    job.complete(a, 'sink', 'left', 2)
    job.run(b, 'sink', 'right')
    job.fail(b, 'sink', 'right', 'continue')
    u = update()
    expect(u.routines.sink).toMatchObject({
      status: 'error_continued',
      runs: 2,
      errors: 1,
      avgDurationMs: 1.5,
    })
    expect(u.connections.c2).toMatchObject({ delivered: 1, errors: 1 })
    expect(u.routines.sink?.lastError?.message).toBe('boom')
  })

  it('shows retrying with attempt n/m until the retry runs', () => {
    const { job, update } = setup()
    job.start('r')
    const id = job.queue('r', 'trigger')
    job.run(id, 'r', 'trigger')
    job.fail(id, 'r', 'trigger', 'retry')
    job.retry(id, 'r', 'trigger', 2, 3)
    let u = update()
    expect(u.routines.r).toMatchObject({
      status: 'retrying',
      attempt: 2,
      maxAttempts: 4,
      retries: 1,
      retryWaiting: 1,
    })
    expect(u.totals.inFlight).toBe(1)
    job.queue('r', 'trigger', undefined, 2, id)
    job.run(id, 'r', 'trigger', 2)
    job.complete(id, 'r', 'trigger', 1, 2)
    u = update()
    expect(u.routines.r).toMatchObject({
      status: 'completed',
      attempt: 2,
      maxAttempts: null,
      retryWaiting: 0,
    })
    expect(u.totals.inFlight).toBe(0)
  })

  it('also handles retries that start without a second deliveryQueued', () => {
    const { job, update } = setup()
    job.start('r')
    const id = job.queue('r', 'trigger')
    job.run(id, 'r', 'trigger')
    job.fail(id, 'r', 'trigger', 'retry')
    job.retry(id, 'r', 'trigger', 2, 1)
    job.run(id, 'r', 'trigger', 2)
    expect(update().routines.r).toMatchObject({ status: 'running', retryWaiting: 0, queued: 0 })
  })

  it('sends full state after requestFull and a complete final update', () => {
    const { streamer, job, update } = setup()
    job.start('a')
    job.hop('a', 'b', 'in', 'c1')
    job.hop('b', 'c', 'in', 'c2')
    update()
    job.hop('b', 'c', 'in', 'c2')
    expect(Object.keys(update().routines).sort()).toEqual(['b', 'c'])
    job.hop('b', 'c', 'in', 'c2')
    streamer.requestFull()
    const full = update()
    expect(full.full).toBe(true)
    expect(Object.keys(full.routines).sort()).toEqual(['a', 'b', 'c'])
    expect(Object.keys(full.connections).sort()).toEqual(['c1', 'c2'])
    job.finish()
    const last = update()
    expect(last).toMatchObject({ final: true, full: true, status: 'completed' })
    expect(last.events.at(-1)?.event.type).toBe('jobCompleted')
    expect(streamer.flush()).toBeUndefined()
  })

  it('never drops the terminal state however busy the interval was', () => {
    const { job, update } = setup({ samplesPerBatch: 10 })
    job.start('a')
    for (let i = 0; i < 5000; i++) job.hop('a', 'b', 'in', 'c1', { i })
    job.failJob({ code: 'JOB_TIMEOUT', message: 'too slow' })
    const u = update()
    expect(u.status).toBe('failed')
    expect(u.final).toBe(true)
    expect(u.error?.code).toBe('JOB_TIMEOUT')
    expect(u.events.length).toBeLessThanOrEqual(10 + 50 + 1)
    expect(u.events.at(-1)?.event.type).toBe('jobFailed')
    expect(u.droppedEvents).toBeGreaterThan(15_000)
    expect(u.connections.c1?.delivered).toBe(5000)
    expect(u.totals.inFlight).toBe(0)
  })

  it('clears queues when a job is cancelled with deliveries pending', () => {
    const { job, update } = setup()
    job.start('a')
    job.queue('b', 'in', 'c1')
    job.queue('b', 'in', 'c1')
    job.finish('jobCancelled')
    const u = update()
    expect(u.routines.b).toMatchObject({ queued: 0, status: 'idle' })
    expect(u.totals).toMatchObject({ inFlight: 0, queued: 0 })
  })

  it('truncates big payloads in sampled events', () => {
    const { job, update } = setup()
    job.start('a', { text: 'x'.repeat(100_000) })
    job.emit('a', 'out', ['c1'], { list: Array.from({ length: 10_000 }, (_, i) => i), small: 1 })
    const events = update().events
    const started = events.find((e) => e.event.type === 'jobStarted')?.event
    expect(started?.type === 'jobStarted' && started.params.text).toMatchObject({
      $truncated: true,
      size: 100_000,
    })
    const emitted = events.find((e) => e.event.type === 'eventEmitted')?.event
    expect(emitted?.type === 'eventEmitted' && emitted.data).toMatchObject({
      small: 1,
      list: { $truncated: true, type: 'array', size: 10_000 },
    })
    expect(JSON.stringify(events).length).toBeLessThan(5000)
  })

  it('keeps bounded rings of events and timeline spans', () => {
    const { streamer, job } = setup({ samplesPerBatch: 100_000, ringEvents: 300, timelineSpans: 50 })
    job.start('a')
    for (let i = 0; i < 2000; i++) job.hop('a', 'b', 'in', 'c1')
    const aggregate = streamer.aggregate(job.jobId)
    const page = aggregate?.events(undefined, 5000)
    expect(page?.events.length).toBe(300)
    expect(page?.latestSeq).toBe(1 + 2000 * 4)
    expect(page?.events.at(-1)?.seq).toBe(page?.latestSeq)
    expect(aggregate?.events(page?.latestSeq ? page.latestSeq - 3 : 0, 10).events.length).toBe(3)
    expect(aggregate?.timeline().length).toBe(50)
    expect(aggregate?.timeline().every((s) => s.outcome === 'completed' && s.end !== null)).toBe(true)
  })

  it('cuts an even 1000/interval batches per second during a synchronous event storm', () => {
    let clock = 0
    const batches: ExecutionBatch[] = []
    const streamer = new ExecutionStreamer({
      publish: (b) => batches.push(b),
      intervalMs: 33,
      now: () => clock,
    })
    streamers.push(streamer)
    // 3 simulated seconds of events, 0.05 ms apart: the timer cannot fire, only `observe` cuts.
    const job = new SyntheticJob((event) => {
      clock += 0.05
      streamer.observe(event)
    })
    job.start('a')
    while (clock < 3000) job.hop('a', 'b', 'in', 'c1')
    expect(batches.length).toBeGreaterThanOrEqual(89)
    expect(batches.length).toBeLessThanOrEqual(91)
  })

  it('charges a failure to the connection that delivered it, with many deliveries pending', () => {
    const { job, update } = setup()
    job.start('a')
    const ids: number[] = []
    for (let i = 0; i < 900; i++) ids.push(job.queue('b', 'in', i % 2 === 0 ? 'even' : 'odd'))
    const failing = ids[3] as number
    job.run(failing, 'b', 'in')
    job.fail(failing, 'b', 'in', 'continue')
    expect(update().connections).toMatchObject({
      even: { delivered: 450, errors: 0 },
      odd: { delivered: 450, errors: 1 },
    })
  })

  it('keeps only a bounded number of finished jobs', () => {
    const batches: ExecutionBatch[] = []
    const streamer = new ExecutionStreamer({
      publish: (b) => batches.push(b),
      intervalMs: 60_000,
      keepFinished: 3,
    })
    streamers.push(streamer)
    for (let n = 0; n < 10; n++) {
      const job = new SyntheticJob(streamer.observe, `job-${n}`)
      job.start('a')
      job.finish()
      streamer.flush()
    }
    expect(streamer.size).toBe(3)
    expect(streamer.aggregate('job-9')?.status).toBe('completed')
    expect(streamer.aggregate('job-0')).toBeUndefined()
    expect(batches.flatMap((b) => b.jobs).filter((j) => j.final)).toHaveLength(10)
  })
})
