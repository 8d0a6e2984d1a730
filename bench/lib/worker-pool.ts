/**
 * A small worker-thread pool running the MINSTD kernel, so a handler can await CPU work done on
 * another core. It shows what the engine's concurrency gives CPU-bound work once the work leaves the
 * event-loop thread.
 */
import { Worker } from 'node:worker_threads'

const KERNEL = `
const { parentPort } = require('node:worker_threads')
parentPort.on('message', ({ id, seed, iters }) => {
  let x = seed
  for (let i = 0; i < iters; i++) x = (x * 48271) % 2147483647
  parentPort.postMessage({ id, x })
})
`

interface Task {
  readonly id: number
  readonly seed: number
  readonly iters: number
  readonly resolve: (x: number) => void
}

/** `size` worker threads; `run` queues a kernel call and resolves with its result. */
export class MinstdPool {
  readonly #idle: Worker[] = []
  readonly #all: Worker[] = []
  readonly #queue: Task[] = []
  readonly #pending = new Map<number, Task>()
  #nextId = 0

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(KERNEL, { eval: true })
      worker.on('message', ({ id, x }: { id: number; x: number }) => {
        this.#pending.get(id)?.resolve(x)
        this.#pending.delete(id)
        this.#idle.push(worker)
        this.#pump()
      })
      this.#all.push(worker)
      this.#idle.push(worker)
    }
  }

  /** Runs `minstd(seed, iters)` on a worker thread. */
  run(seed: number, iters: number): Promise<number> {
    return new Promise((resolve) => {
      this.#queue.push({ id: this.#nextId++, seed, iters, resolve })
      this.#pump()
    })
  }

  /** Terminates every worker. */
  async close(): Promise<void> {
    await Promise.all(this.#all.map((w) => w.terminate()))
  }

  #pump(): void {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const worker = this.#idle.pop() as Worker
      const task = this.#queue.shift() as Task
      this.#pending.set(task.id, task)
      worker.postMessage({ id: task.id, seed: task.seed, iters: task.iters })
    }
  }
}
