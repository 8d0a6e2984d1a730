/**
 * Load test of the live-execution stream: a real engine flow doing hundreds of thousands of
 * deliveries per second, observed by the streamer exactly as the host does, with every batch
 * serialised as the WebSocket transport would. The stream must stay a trickle of bounded batches
 * (at most one per interval), keep bounded memory, and still end with the exact final counts.
 * Measured figures are printed; the assertions are bounds, never timings.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { Flow } from '../../../engine/flow'
import { Routine } from '../../../engine/routine'
import type { ExecutionBatch } from '../../ipc/contract'
import { StreamHub } from '../../ipc/stream-hub'
import { BATCH_INTERVAL_MS, ExecutionStreamer } from './execution-streamer'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

function heapMb(): number {
  gc()
  return process.memoryUsage().heapUsed / 1024 / 1024
}

/** A source emitting `count` payloads into a two-stage pipeline (two deliveries per emit). */
function stormFlow(count: number): Flow {
  const flow = new Flow({ id: 'storm', executionMode: 'sequential' })
  const source = new Routine()
  source.defineEvent('out')
  source.defineSlot('trigger', (_data, ctx) => {
    for (let i = 0; i < count; i++)
      ctx.emit('out', { i, text: i % 1000 === 0 ? 'x'.repeat(50_000) : 'small' })
  })
  const middle = new Routine()
  middle.defineEvent('out')
  middle.defineSlot('in', (data, ctx) => ctx.emit('out', data))
  const sink = new Routine()
  sink.defineSlot('in', () => undefined)
  flow.addRoutine(source, 'source')
  flow.addRoutine(middle, 'middle')
  flow.addRoutine(sink, 'sink')
  flow.connect('source', 'out', 'middle', 'in', { id: 'c1' })
  flow.connect('middle', 'out', 'sink', 'in', { id: 'c2' })
  return flow
}

describe('execution stream under load', () => {
  it('stays bounded at ≥100,000 deliveries per second', { timeout: 120_000 }, async () => {
    const emits = 200_000
    // The engine alone (a counting observer), for comparison.
    const bare = stormFlow(emits)
    let observed = 0
    bare.observe(() => {
      observed++
    })
    const bareStarted = performance.now()
    await bare.run('source', {})
    const bareMs = performance.now() - bareStarted
    const hub = new StreamHub()
    const batches: { size: number; events: number; time: number }[] = []
    let last: ExecutionBatch | undefined
    hub.attach({
      id: 'client',
      send: (_stream, payload) => {
        const batch = payload as ExecutionBatch
        batches.push({
          size: JSON.stringify(batch).length,
          events: batch.jobs.reduce((n, j) => n + j.events.length, 0),
          time: performance.now(),
        })
        last = batch
        return true
      },
    })
    hub.subscribe('client', 'execution.batch')
    const streamer = new ExecutionStreamer({ publish: (batch) => hub.publish('execution.batch', batch) })
    const flow = stormFlow(emits)
    flow.observe(streamer.observe)
    const heapBefore = heapMb()
    let heapPeak = heapBefore
    const sampler = setInterval(() => {
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed / 1024 / 1024)
    }, 50)

    const started = performance.now()
    const job = await flow.run('source', {})
    const elapsedMs = performance.now() - started
    clearInterval(sampler)
    streamer.flush()
    const heapAfter = heapMb()
    streamer.close()

    const deliveries = emits * 2 + 1
    const perSecond = (deliveries / elapsedMs) * 1000
    const batchesPerSecond = (batches.length / elapsedMs) * 1000
    const maxBatch = Math.max(...batches.map((b) => b.size))
    console.info(
      `[streaming] engine alone: ${deliveries} deliveries (${observed} events) in ${bareMs.toFixed(0)} ms = ` +
        `${Math.round((deliveries / bareMs) * 1000)}/s; with the stream: ` +
        `${elapsedMs.toFixed(0)} ms = ${Math.round(perSecond)}/s; ` +
        `${batches.length} batches = ${batchesPerSecond.toFixed(1)}/s; largest batch ${(maxBatch / 1024).toFixed(1)} KiB; ` +
        `heap ${heapBefore.toFixed(1)} → peak ${heapPeak.toFixed(1)} → after ${heapAfter.toFixed(1)} MiB`,
    )

    expect(job.status).toBe('completed')
    // A cadence, not a flood: never more than one batch per interval (plus the final flush).
    expect(batches.length).toBeLessThanOrEqual(Math.ceil(elapsedMs / BATCH_INTERVAL_MS) + 2)
    expect(batches.length).toBeGreaterThan(1)
    // Every batch is small: a bounded event sample with big payloads truncated.
    for (const batch of batches) {
      expect(batch.events).toBeLessThanOrEqual(200 + 1000 + 1)
      expect(batch.size).toBeLessThan(512 * 1024)
    }
    // The final update is exact and complete.
    const final = last?.jobs.find((j) => j.jobId === job.jobId)
    expect(final).toMatchObject({ final: true, status: 'completed' })
    expect(final?.connections).toMatchObject({ c1: { delivered: emits }, c2: { delivered: emits } })
    expect(final?.routines.sink).toMatchObject({ runs: emits, status: 'completed', queued: 0 })
    expect(final?.totals).toMatchObject({ deliveries, inFlight: 0 })
    // Memory: the streamer keeps fixed-size rings, so what stays after the run is small.
    const aggregate = streamer.aggregate(job.jobId)
    expect(aggregate?.events(undefined, 100_000).events.length).toBeLessThanOrEqual(5000)
    expect(aggregate?.timeline().length).toBeLessThanOrEqual(5000)
    expect(heapAfter - heapBefore).toBeLessThan(64)
  })
})
