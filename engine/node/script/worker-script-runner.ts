/**
 * `ScriptRunner` on worker threads: each run executes in a pooled worker, inside a fresh `node:vm`
 * context, under a heap limit (`resourceLimits`) and a time limit enforced from the host by
 * terminating the worker. See `sandbox-worker.ts` for the isolation measures.
 */
import { ErrorCode, RoutiluxError } from '../../errors'
import type { ScriptOutcome, ScriptRequest, ScriptRunner } from '../../routines/script-runner'
import { assertScriptSyntax, wrapScriptSource } from '../../routines/script-syntax'
import type { OutputEntry, Payload } from '../../types'
import { sandboxDied, scriptThrew, scriptTimedOut } from './script-errors'
import { type PooledWorker, WorkerPool } from './worker-pool'

/** Host policy for script runs. */
export interface WorkerScriptRunnerOptions {
  /** Workers per memory limit (default 2). */
  readonly poolSize?: number
  /** Grants flows may give scripts (default `['fetch']`); a grant not listed here is refused. */
  readonly allowedGrants?: readonly 'fetch'[]
}

type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'emit'; id: number; event: string; data: string }
  | { kind: 'log'; id: number; level: OutputEntry['level']; message: string; data: string | null }
  | { kind: 'done'; id: number; returned: string | null }
  | { kind: 'fail'; id: number; error: { name?: unknown; message?: unknown; stack?: unknown } }

/** Runs scripts in a pool of hardened worker threads. Call `dispose()` when done. */
export class WorkerScriptRunner implements ScriptRunner {
  readonly #pools = new Map<number, WorkerPool>()
  readonly #poolSize: number
  readonly #allowedGrants: readonly string[]
  #nextId = 1
  #disposed = false

  constructor(options: WorkerScriptRunnerOptions = {}) {
    this.#poolSize = options.poolSize ?? 2
    this.#allowedGrants = options.allowedGrants ?? ['fetch']
  }

  /** Live workers across pools (for tests and diagnostics). */
  get workerCount(): number {
    let count = 0
    for (const pool of this.#pools.values()) count += pool.workerCount
    return count
  }

  async run(request: ScriptRequest): Promise<ScriptOutcome> {
    if (this.#disposed) throw new RoutiluxError(ErrorCode.INVALID_STATE, 'the script runner was disposed')
    assertScriptSyntax(request.code)
    if (request.grants.fetch === true && !this.#allowedGrants.includes('fetch')) {
      throw new RoutiluxError(ErrorCode.SCRIPT_ERROR, 'this host does not allow granting fetch to scripts')
    }
    const message = {
      kind: 'run',
      id: this.#nextId++,
      source: wrapScriptSource(request.code),
      data: json(request.data, 'the input data'),
      config: json(request.config, 'the config'),
      meta: json(request.meta, 'the run metadata'),
      events: [...request.events],
      memoryMb: request.memoryMb,
      grants: { fetch: request.grants.fetch === true, fetchHosts: [...(request.grants.fetchHosts ?? [])] },
    }
    request.signal?.throwIfAborted()
    const pool = this.#pool(request.memoryMb)
    const pooled = await pool.acquire()
    try {
      await pooled.ready
    } catch (error) {
      pool.discard(pooled)
      throw sandboxDied(error, request.memoryMb)
    }
    return this.#execute(pool, pooled, message, request)
  }

  async dispose(): Promise<void> {
    this.#disposed = true
    const pools = [...this.#pools.values()]
    this.#pools.clear()
    await Promise.all(pools.map((pool) => pool.dispose()))
  }

  #pool(memoryMb: number): WorkerPool {
    let pool = this.#pools.get(memoryMb)
    if (!pool) {
      pool = new WorkerPool({ size: this.#poolSize, memoryMb })
      this.#pools.set(memoryMb, pool)
    }
    return pool
  }

  #execute(
    pool: WorkerPool,
    pooled: PooledWorker,
    message: { id: number },
    request: ScriptRequest,
  ): Promise<ScriptOutcome> {
    const { worker } = pooled
    return new Promise<ScriptOutcome>((resolve, reject) => {
      let settled = false
      const finish = (healthy: boolean, outcome: { ok: ScriptOutcome } | { error: unknown }) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        worker.off('message', onMessage)
        worker.off('error', onError)
        worker.off('exit', onExit)
        request.signal?.removeEventListener('abort', onAbort)
        if (healthy) pool.release(pooled)
        else pool.discard(pooled)
        if ('ok' in outcome) resolve(outcome.ok)
        else reject(outcome.error)
      }
      const onMessage = (reply: WorkerMessage) => {
        if (reply.kind === 'ready' || reply.id !== message.id) return
        try {
          if (reply.kind === 'emit') request.onEmit(reply.event, JSON.parse(reply.data) as Payload)
          else if (reply.kind === 'log') {
            const data = reply.data === null ? undefined : (JSON.parse(reply.data) as Payload)
            request.onLog(reply.level, reply.message, data)
          } else if (reply.kind === 'done') {
            const returned = reply.returned === null ? undefined : (JSON.parse(reply.returned) as Payload)
            finish(true, { ok: returned === undefined ? {} : { returned } })
          } else finish(true, { error: scriptThrew(reply.error) })
        } catch (error) {
          finish(false, { error })
        }
      }
      const onError = (error: unknown) => finish(false, { error: sandboxDied(error, request.memoryMb) })
      const onExit = (code: number) =>
        finish(false, { error: sandboxDied(new Error(`exit code ${code}`), request.memoryMb) })
      const onAbort = () => {
        const reason: unknown = request.signal?.reason
        finish(false, {
          error:
            reason instanceof Error
              ? reason
              : new RoutiluxError(ErrorCode.JOB_CANCELLED, 'the script run was aborted'),
        })
      }
      const timer = setTimeout(
        () => finish(false, { error: scriptTimedOut(request.timeoutMs) }),
        request.timeoutMs,
      )
      worker.on('message', onMessage)
      worker.on('error', onError)
      worker.on('exit', onExit)
      request.signal?.addEventListener('abort', onAbort, { once: true })
      worker.postMessage(message)
    })
  }
}

function json(value: unknown, what: string): string {
  try {
    return JSON.stringify(value) ?? 'null'
  } catch (error) {
    throw new RoutiluxError(
      ErrorCode.SCRIPT_ERROR,
      `${what} is not JSON-serialisable: ${(error as Error).message}`,
    )
  }
}
