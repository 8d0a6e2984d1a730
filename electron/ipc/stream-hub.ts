/**
 * Fans pushed stream payloads out to connected clients (IPC windows, WebSocket sockets), each
 * receiving only the streams it subscribed to. A payload published with `retain` while nobody listens
 * is kept and handed to the first subscriber (a file passed on the command line, a draft-recovery
 * offer found before the window was ready).
 */
import type { StreamName, StreamPayloadOf } from './contract'

/** One client as the hub sees it. */
export interface StreamSink {
  readonly id: string
  /** Delivers a payload; returns false when the client could not take it (congested or closed). */
  send(stream: StreamName, payload: unknown): boolean
}

type SubscribeListener = (stream: StreamName, sinkId: string) => void

export class StreamHub {
  readonly #sinks = new Map<string, { sink: StreamSink; streams: Set<StreamName> }>()
  readonly #retained = new Map<StreamName, unknown[]>()
  readonly #subscribeListeners = new Set<SubscribeListener>()
  readonly #congestionListeners = new Set<(stream: StreamName) => void>()

  /** Registers a client; returns the function that removes it. */
  attach(sink: StreamSink): () => void {
    this.#sinks.set(sink.id, { sink, streams: new Set() })
    return () => {
      this.#sinks.delete(sink.id)
    }
  }

  subscribe(sinkId: string, stream: StreamName): void {
    const entry = this.#sinks.get(sinkId)
    if (!entry || entry.streams.has(stream)) return
    entry.streams.add(stream)
    const retained = this.#retained.get(stream)
    if (retained) {
      this.#retained.delete(stream)
      for (const payload of retained) entry.sink.send(stream, payload)
    }
    for (const listener of this.#subscribeListeners) listener(stream, sinkId)
  }

  unsubscribe(sinkId: string, stream: StreamName): void {
    this.#sinks.get(sinkId)?.streams.delete(stream)
  }

  /** Number of clients subscribed to `stream`. */
  subscriberCount(stream: StreamName): number {
    let count = 0
    for (const entry of this.#sinks.values()) if (entry.streams.has(stream)) count += 1
    return count
  }

  /** Sends a payload to every subscriber of `stream`; with `retain`, keeps it for a later first subscriber. */
  publish<S extends StreamName>(
    stream: S,
    payload: StreamPayloadOf<S>,
    options?: { retain?: boolean },
  ): void {
    let delivered = false
    for (const entry of this.#sinks.values()) {
      if (!entry.streams.has(stream)) continue
      delivered = true
      if (!entry.sink.send(stream, payload)) {
        for (const listener of this.#congestionListeners) listener(stream)
      }
    }
    if (!delivered && options?.retain) {
      const list = this.#retained.get(stream) ?? []
      list.push(payload)
      this.#retained.set(stream, list.slice(-20))
    }
  }

  /** Called whenever a client subscribes to a stream (the execution streamer then sends full state). */
  onSubscribe(listener: SubscribeListener): () => void {
    this.#subscribeListeners.add(listener)
    return () => this.#subscribeListeners.delete(listener)
  }

  /** Called when a client could not take a payload (it missed a batch and needs full state). */
  onCongestion(listener: (stream: StreamName) => void): () => void {
    this.#congestionListeners.add(listener)
    return () => this.#congestionListeners.delete(listener)
  }
}
