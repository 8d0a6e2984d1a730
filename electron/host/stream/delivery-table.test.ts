import { describe, expect, it } from 'vitest'
import { DeliveryTable } from './delivery-table'

describe('delivery table', () => {
  it('holds a value per pending delivery and forgets it on delete', () => {
    const table = new DeliveryTable<string>(100_000)
    table.set(1, 'c1')
    table.set(2, 'c2')
    expect([table.get(1), table.get(2), table.get(3)]).toEqual(['c1', 'c2', undefined])
    table.delete(1)
    table.delete(99)
    expect([table.get(1), table.get(2)]).toEqual([undefined, 'c2'])
  })

  it('grows while many deliveries are pending and keeps every one of them', () => {
    const table = new DeliveryTable<number>(100_000)
    for (let id = 1; id <= 50_000; id++) table.set(id, id * 2)
    expect(table.capacity).toBe(65_536)
    let kept = 0
    for (let id = 1; id <= 50_000; id++) if (table.get(id) === id * 2) kept++
    expect(kept).toBe(50_000)
  })

  it('stays within its bound, forgetting the oldest pending deliveries beyond it', () => {
    const table = new DeliveryTable<number>(3000)
    for (let id = 1; id <= 10_000; id++) table.set(id, id)
    expect(table.capacity).toBe(4096)
    expect(table.get(10_000)).toBe(10_000)
    expect(table.get(10_000 - 4095)).toBe(10_000 - 4095)
    expect(table.get(10_000 - 4096)).toBeUndefined()
    table.clear()
    expect([table.capacity, table.get(10_000)]).toEqual([1024, undefined])
  })

  it('reuses the slot of a delivery that finished without growing', () => {
    const table = new DeliveryTable<number>(100_000)
    for (let id = 1; id <= 20_000; id++) {
      table.set(id, id)
      table.delete(id)
    }
    expect(table.capacity).toBe(1024)
  })
})
