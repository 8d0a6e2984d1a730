/**
 * The benchmark routine types of workloads.md §1.3, written against the public engine API. Handlers
 * take `(data, ctx)`; the probe and the source's emit stamp live in the harness.
 */
import { Routine } from '../../engine'
import type { Probe } from './probe'

/** MINSTD (Park–Miller): `iters` steps of `x = x·48271 mod 2^31−1`; exact in doubles. */
export function minstd(seed: number, iters: number): number {
  let x = seed
  for (let i = 0; i < iters; i++) x = (x * 48271) % 2147483647
  return x
}

/** Emits `out {seq: i, value: 0}` for i < `count` (default 1) from its `trigger` slot. */
export class BenchSource extends Routine {
  /** `performance.now()` when the trigger handler finished emitting (the Python "exec" point). */
  emitDoneAt = Number.NaN

  constructor(sample?: (i: number) => void) {
    super()
    this.defineEvent('out', ['seq', 'value'])
    this.defineSlot('trigger', (data, ctx) => {
      const count = typeof data.count === 'number' ? data.count : 1
      for (let i = 0; i < count; i++) {
        ctx.emit('out', { seq: i, value: 0 })
        if (sample !== undefined) sample(i)
      }
      this.emitDoneAt = performance.now()
    })
  }
}

/** Re-emits `{seq, value + 1}`. */
export class BenchRelay extends Routine {
  constructor() {
    super()
    this.defineEvent('out', ['seq', 'value'])
    this.defineSlot('in', (data, ctx) => {
      ctx.emit('out', { seq: data.seq, value: (data.value as number) + 1 })
    })
  }
}

/** Calls `probe.hit(payload[field])`. */
export class BenchSink extends Routine {
  constructor(probe: Probe, field: 'seq' | 'value') {
    super()
    this.defineSlot('in', (data) => {
      probe.hit(data[field] as number)
    })
  }
}

/** Calls `probe.hit(payload[field])` for any numeric field. */
export class BenchProbeSink extends Routine {
  constructor(probe: Probe, field: string) {
    super()
    this.defineSlot('in', (data) => {
      probe.hit(data[field] as number)
    })
  }
}

/** Tracks how many sleepers are in their wait at once, to prove the engine's limit holds. */
export class Occupancy {
  current = 0
  peak = 0

  reset(): void {
    this.current = 0
    this.peak = 0
  }
}

/** Waits 10 ms on a timer (no CPU), then `probe.hit(1)`; finished only when the wait ends. */
export class BenchSleeper extends Routine {
  constructor(probe: Probe, occupancy: Occupancy) {
    super()
    this.defineSlot('in', async () => {
      occupancy.current++
      if (occupancy.current > occupancy.peak) occupancy.peak = occupancy.current
      await new Promise<void>((resolve) => setTimeout(resolve, 10))
      occupancy.current--
      probe.hit(1)
    })
  }
}

/** Runs `minstd(seed, iters)` synchronously on the engine's thread, then `probe.hit(x)`. */
export class BenchCpu extends Routine {
  constructor(probe: Probe, seed: number, iters: number) {
    super({ seed, iters })
    this.defineSlot('in', (_data, ctx) => {
      probe.hit(minstd(ctx.config.seed as number, ctx.config.iters as number))
    })
  }
}

/** The same kernel, awaited from `offload` (a worker-thread pool): the handler itself stays async. */
export class BenchCpuOffloaded extends Routine {
  constructor(
    probe: Probe,
    seed: number,
    iters: number,
    offload: (seed: number, iters: number) => Promise<number>,
  ) {
    super({ seed, iters })
    this.defineSlot('in', async (_data, ctx) => {
      probe.hit(await offload(ctx.config.seed as number, ctx.config.iters as number))
    })
  }
}
