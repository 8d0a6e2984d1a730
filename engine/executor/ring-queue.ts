/**
 * A growable FIFO ring buffer. `shift()` is O(1) (unlike `Array.prototype.shift`), so a queue of
 * tens of thousands of deliveries drains in linear time.
 */

/** First-in first-out queue backed by a power-of-two circular array. */
export class RingQueue<T> {
  #items: (T | undefined)[]
  #head = 0
  #size = 0
  #mask: number

  constructor(initialCapacity = 16) {
    let capacity = 1
    while (capacity < initialCapacity) capacity <<= 1
    this.#items = new Array<T | undefined>(capacity)
    this.#mask = capacity - 1
  }

  /** Number of queued items. */
  get length(): number {
    return this.#size
  }

  /** Appends an item at the tail. */
  push(item: T): void {
    if (this.#size > this.#mask) this.#grow()
    this.#items[(this.#head + this.#size) & this.#mask] = item
    this.#size++
  }

  /** Removes and returns the head item, or `undefined` when empty. */
  shift(): T | undefined {
    if (this.#size === 0) return undefined
    const item = this.#items[this.#head]
    // Drop the reference so a drained queue does not keep payloads alive.
    this.#items[this.#head] = undefined
    this.#head = (this.#head + 1) & this.#mask
    this.#size--
    return item
  }

  /** The head item without removing it. */
  peek(): T | undefined {
    return this.#size === 0 ? undefined : this.#items[this.#head]
  }

  /** Removes every item matching `predicate` (keeping the order of the rest); returns them in order. */
  removeWhere(predicate: (item: T) => boolean): T[] {
    const removed: T[] = []
    const kept: T[] = []
    for (let i = 0; i < this.#size; i++) {
      const item = this.#items[(this.#head + i) & this.#mask] as T
      if (predicate(item)) removed.push(item)
      else kept.push(item)
    }
    if (removed.length === 0) return removed
    this.clear()
    for (const item of kept) this.push(item)
    return removed
  }

  /** Items matching `predicate`, in queue order, without removing them. */
  filter(predicate: (item: T) => boolean): T[] {
    const out: T[] = []
    for (let i = 0; i < this.#size; i++) {
      const item = this.#items[(this.#head + i) & this.#mask] as T
      if (predicate(item)) out.push(item)
    }
    return out
  }

  /** Every item, head first. */
  toArray(): T[] {
    return this.filter(() => true)
  }

  /** Removes every item. */
  clear(): void {
    this.#items.fill(undefined)
    this.#head = 0
    this.#size = 0
  }

  #grow(): void {
    const old = this.#items
    const capacity = old.length * 2
    const items = new Array<T | undefined>(capacity)
    for (let i = 0; i < this.#size; i++) items[i] = old[(this.#head + i) & this.#mask]
    this.#items = items
    this.#head = 0
    this.#mask = capacity - 1
  }
}
