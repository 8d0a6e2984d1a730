/**
 * Local fan-out of stream payloads: many listeners per stream share one remote subscription, which
 * is opened with the first listener and closed with the last.
 */
import type { StreamName } from '../../../electron/ipc/contract'

type Listener = (payload: unknown) => void

export class StreamListeners {
  readonly #listeners = new Map<StreamName, Set<Listener>>()
  readonly #onFirst: (stream: StreamName) => void
  readonly #onLast: (stream: StreamName) => void

  constructor(onFirst: (stream: StreamName) => void, onLast: (stream: StreamName) => void) {
    this.#onFirst = onFirst
    this.#onLast = onLast
  }

  /** Adds a listener; returns its removal function (safe to call twice). */
  add(stream: StreamName, listener: Listener): () => void {
    let set = this.#listeners.get(stream)
    if (!set) {
      set = new Set()
      this.#listeners.set(stream, set)
    }
    // Wrapping makes the same function subscribed twice count twice, as callers expect.
    const entry: Listener = (payload) => listener(payload)
    set.add(entry)
    if (set.size === 1) this.#onFirst(stream)
    return () => {
      const current = this.#listeners.get(stream)
      if (!current?.delete(entry)) return
      if (current.size === 0) {
        this.#listeners.delete(stream)
        this.#onLast(stream)
      }
    }
  }

  /** Streams that currently have listeners (resubscribed after a reconnect). */
  streams(): StreamName[] {
    return [...this.#listeners.keys()]
  }

  /** Hands a payload to every listener of the stream; a throwing listener does not stop the others. */
  dispatch(stream: string, payload: unknown): void {
    const set = this.#listeners.get(stream as StreamName)
    if (!set) return
    for (const listener of [...set]) {
      try {
        listener(payload)
      } catch (error) {
        console.error(`Listener of ${stream} failed`, error)
      }
    }
  }
}
