/**
 * A small pool of sandbox workers for one memory limit. Starting a worker costs tens of
 * milliseconds, so workers are reused across deliveries; a worker that was terminated (time limit,
 * abort) or crashed (memory limit) is dropped and a fresh one is started on demand. Idle workers are
 * unref'd, so the pool never keeps the process alive; `dispose()` terminates them all.
 */
import { Worker } from 'node:worker_threads'
import { ErrorCode, RoutiluxError } from '../../errors'
import { CONTEXT_BOOTSTRAP } from './context-bootstrap'
import { sandboxWorkerSource } from './sandbox-worker'

/** A started worker and whether it is busy. */
export interface PooledWorker {
  readonly worker: Worker
  readonly ready: Promise<void>
  busy: boolean
}

/** Options of one pool. */
export interface WorkerPoolOptions {
  /** Most workers at once (default 2). */
  readonly size?: number
  /** Heap limit of each worker in MB. */
  readonly memoryMb: number
}

/** Pool of sandbox workers sharing one memory limit. */
export class WorkerPool {
  readonly #size: number
  readonly #memoryMb: number
  readonly #workers = new Set<PooledWorker>()
  readonly #waiting: Array<{ resolve: (w: PooledWorker) => void; reject: (e: unknown) => void }> = []
  #disposed = false

  constructor(options: WorkerPoolOptions) {
    this.#size = Math.max(1, options.size ?? 2)
    this.#memoryMb = options.memoryMb
  }

  /** Workers currently alive (busy or idle). */
  get workerCount(): number {
    return this.#workers.size
  }

  /** An idle worker, a new one, or the next one released. */
  async acquire(): Promise<PooledWorker> {
    if (this.#disposed) throw new RoutiluxError(ErrorCode.INVALID_STATE, 'the script runner was disposed')
    for (const pooled of this.#workers) {
      if (!pooled.busy) return this.#claim(pooled)
    }
    if (this.#workers.size < this.#size) return this.#claim(this.#spawn())
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }))
  }

  /** Returns a healthy worker to the pool. */
  release(pooled: PooledWorker): void {
    if (!this.#workers.has(pooled)) return
    const next = this.#waiting.shift()
    if (next) {
      next.resolve(pooled)
      return
    }
    pooled.busy = false
    pooled.worker.unref()
  }

  /** Terminates a worker (stuck, aborted or crashed) and lets a waiter get a fresh one. */
  discard(pooled: PooledWorker): void {
    if (!this.#workers.delete(pooled)) return
    pooled.worker.terminate().catch(() => undefined)
    const next = this.#waiting.shift()
    if (next) next.resolve(this.#claim(this.#spawn()))
  }

  /** Terminates every worker; pending and later acquisitions fail. */
  async dispose(): Promise<void> {
    this.#disposed = true
    const error = new RoutiluxError(ErrorCode.INVALID_STATE, 'the script runner was disposed')
    for (const waiter of this.#waiting.splice(0)) waiter.reject(error)
    const workers = [...this.#workers]
    this.#workers.clear()
    await Promise.all(workers.map((p) => p.worker.terminate()))
  }

  #claim(pooled: PooledWorker): PooledWorker {
    pooled.busy = true
    pooled.worker.ref()
    return pooled
  }

  #spawn(): PooledWorker {
    const worker = new Worker(sandboxWorkerSource(), {
      eval: true,
      workerData: { bootstrap: CONTEXT_BOOTSTRAP },
      env: {},
      argv: [],
      execArgv: [],
      resourceLimits: {
        maxOldGenerationSizeMb: this.#memoryMb,
        maxYoungGenerationSizeMb: Math.max(4, Math.ceil(this.#memoryMb / 8)),
        codeRangeSizeMb: 16,
        stackSizeMb: 4,
      },
    })
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (message: { kind?: string }) => {
        if (message.kind !== 'ready') return
        worker.off('message', onMessage)
        worker.off('error', reject)
        resolve()
      }
      worker.on('message', onMessage)
      worker.once('error', reject)
    })
    ready.catch(() => undefined)
    const pooled: PooledWorker = { worker, ready, busy: false }
    worker.once('exit', () => {
      this.#workers.delete(pooled)
    })
    this.#workers.add(pooled)
    return pooled
  }
}
