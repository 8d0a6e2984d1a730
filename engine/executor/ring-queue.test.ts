import { describe, expect, it } from 'vitest'
import { BoundedLog } from './bounded-log'
import { RingQueue } from './ring-queue'

describe('RingQueue', () => {
  it('is FIFO across growth and wrap-around', () => {
    const queue = new RingQueue<number>(2)
    const out: number[] = []
    for (let i = 0; i < 5; i++) queue.push(i)
    out.push(queue.shift() as number, queue.shift() as number)
    for (let i = 5; i < 40; i++) queue.push(i)
    while (queue.length > 0) out.push(queue.shift() as number)
    expect(out).toEqual(Array.from({ length: 40 }, (_, i) => i))
    expect(queue.shift()).toBeUndefined()
    expect(queue.peek()).toBeUndefined()
  })

  it('removes matching items in order and keeps the rest in order', () => {
    const queue = new RingQueue<number>(4)
    for (let i = 0; i < 10; i++) queue.push(i)
    queue.shift()
    expect(queue.removeWhere((n) => n % 3 === 0)).toEqual([3, 6, 9])
    expect(queue.toArray()).toEqual([1, 2, 4, 5, 7, 8])
    expect(queue.filter((n) => n > 4)).toEqual([5, 7, 8])
    expect(queue.length).toBe(6)
  })
})

describe('BoundedLog', () => {
  const rec = (timestamp: number, id = timestamp) => ({ id, timestamp })

  it('keeps only the newest maxSize records, trimming on append', () => {
    const log = new BoundedLog<{ id: number; timestamp: number }>({ maxSize: 3, ttlMs: 0 })
    for (let i = 1; i <= 5; i++) log.append(rec(i))
    expect(log.toArray().map((r) => r.id)).toEqual([3, 4, 5])
  })

  it('maxSize 0 keeps nothing and Infinity keeps everything', () => {
    const none = new BoundedLog<{ id: number; timestamp: number }>({ maxSize: 0, ttlMs: 0 })
    none.append(rec(1))
    expect(none.length).toBe(0)
    const all = new BoundedLog<{ id: number; timestamp: number }>({
      maxSize: Number.POSITIVE_INFINITY,
      ttlMs: 0,
    })
    for (let i = 0; i < 2500; i++) all.append(rec(i))
    expect(all.length).toBe(2500)
  })

  it('drops records at least ttlMs older than the newest on append', () => {
    const log = new BoundedLog<{ id: number; timestamp: number }>({ maxSize: 100, ttlMs: 10 })
    log.append(rec(0))
    log.append(rec(5))
    log.append(rec(10))
    expect(log.toArray().map((r) => r.id)).toEqual([5, 10])
    log.append(rec(100))
    expect(log.toArray().map((r) => r.id)).toEqual([100])
  })

  it('restores records verbatim without trimming', () => {
    const log = new BoundedLog<{ id: number; timestamp: number }>({ maxSize: 1, ttlMs: 1 })
    log.restore([rec(1), rec(2), rec(3)])
    expect(log.length).toBe(3)
  })
})
