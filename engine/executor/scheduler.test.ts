import { describe, expect, it } from 'vitest'
import { clock } from './clock'
import { Scheduler, SLICE_MS } from './scheduler'

function spin(ms: number): void {
  const end = performance.now() + ms
  while (performance.now() < end) {
    // Busy work standing in for a synchronous handler.
  }
}

describe('Scheduler', () => {
  it('never starts work inside push() and runs items FIFO', async () => {
    const seen: number[] = []
    const scheduler: Scheduler<number> = new Scheduler(1, (n) => {
      seen.push(n)
      scheduler.release()
    })
    scheduler.push(1)
    scheduler.push(2)
    expect(seen).toEqual([])
    await Promise.resolve()
    expect(seen).toEqual([1, 2])
  })

  it('keeps at most maxWorkers items in flight', async () => {
    let active = 0
    let peak = 0
    const scheduler: Scheduler<number> = new Scheduler(3, () => {
      active++
      peak = Math.max(peak, active)
      setTimeout(() => {
        active--
        scheduler.release()
        scheduler.pump()
      }, 1)
    })
    for (let i = 0; i < 12; i++) scheduler.push(i)
    while (scheduler.queue.length > 0 || scheduler.running > 0) await new Promise((r) => setTimeout(r, 2))
    expect(peak).toBe(3)
  })

  it('yields to the event loop during a long synchronous burst', async () => {
    let timerFiredAfter = -1
    let count = 0
    const scheduler: Scheduler<number> = new Scheduler(1, () => {
      clock.start()
      spin(1)
      count++
      clock.end()
      scheduler.release()
    })
    setTimeout(() => {
      timerFiredAfter = count
    }, 0)
    const items = Math.ceil((SLICE_MS * 6) / 1)
    for (let i = 0; i < items; i++) scheduler.push(i)
    while (count < items) await new Promise((r) => setTimeout(r, 5))
    expect(timerFiredAfter).toBeGreaterThan(0)
    expect(timerFiredAfter).toBeLessThan(items)
  })
})
