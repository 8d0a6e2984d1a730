/**
 * A value per pending delivery of one job (the connection that brought it, so a failure can be
 * charged to that connection), without a map entry per delivery: delivery ids are sequential within
 * a job, so a table indexed by `id & mask` holds them. The table doubles while a pending delivery's
 * slot is still taken, up to `maxEntries` (rounded up to a power of two); beyond that a new delivery
 * takes the slot of one queued that many deliveries earlier, which is then forgotten.
 */
const EMPTY = -1
const INITIAL_SIZE = 1024

export class DeliveryTable<T> {
  readonly #maxSize: number
  #ids = new Float64Array(INITIAL_SIZE).fill(EMPTY)
  #values: (T | undefined)[] = new Array<T | undefined>(INITIAL_SIZE).fill(undefined)
  #mask = INITIAL_SIZE - 1

  constructor(maxEntries: number) {
    let size = INITIAL_SIZE
    while (size < maxEntries) size *= 2
    this.#maxSize = size
  }

  /** Number of slots (for bounds checks). */
  get capacity(): number {
    return this.#ids.length
  }

  set(deliveryId: number, value: T): void {
    let slot = deliveryId & this.#mask
    const held = this.#ids[slot]
    if (held !== EMPTY && held !== deliveryId && this.#ids.length < this.#maxSize) {
      this.#grow()
      slot = deliveryId & this.#mask
    }
    this.#ids[slot] = deliveryId
    this.#values[slot] = value
  }

  get(deliveryId: number): T | undefined {
    const slot = deliveryId & this.#mask
    return this.#ids[slot] === deliveryId ? this.#values[slot] : undefined
  }

  delete(deliveryId: number): void {
    const slot = deliveryId & this.#mask
    if (this.#ids[slot] !== deliveryId) return
    this.#ids[slot] = EMPTY
    this.#values[slot] = undefined
  }

  /** Forgets everything and gives the memory back (the job ended). */
  clear(): void {
    this.#ids = new Float64Array(INITIAL_SIZE).fill(EMPTY)
    this.#values = new Array<T | undefined>(INITIAL_SIZE).fill(undefined)
    this.#mask = INITIAL_SIZE - 1
  }

  #grow(): void {
    const ids = this.#ids
    const values = this.#values
    const size = ids.length * 2
    this.#ids = new Float64Array(size).fill(EMPTY)
    this.#values = new Array<T | undefined>(size).fill(undefined)
    this.#mask = size - 1
    // Entries of distinct old slots land in distinct new slots (old index or old index + old size).
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number
      if (id === EMPTY) continue
      const slot = id & this.#mask
      this.#ids[slot] = id
      this.#values[slot] = values[i]
    }
  }
}
