/**
 * The contract between the script routine (core, no Node imports) and whatever runs user
 * JavaScript in isolation. The Node implementation lives in `engine/node/script/`.
 */
import type { OutputEntry, Payload } from '../types'

/** Capabilities a flow may grant a script; everything is denied by default. */
export interface ScriptGrants {
  /** Allow `fetch(url, init)` (HTTP/HTTPS only). */
  readonly fetch?: boolean
  /** Hostnames `fetch` may reach; empty = any host. */
  readonly fetchHosts?: readonly string[]
}

/** One run of user code for one delivery. */
export interface ScriptRequest {
  readonly code: string
  readonly data: Payload
  readonly config: Payload
  /** Events the script may emit. */
  readonly events: readonly string[]
  readonly meta: {
    readonly routineId: string
    readonly slot: string
    readonly attempt: number
    readonly jobId: string
  }
  readonly timeoutMs: number
  readonly memoryMb: number
  readonly grants: ScriptGrants
  /** Aborting stops the run at once (the isolate is discarded). */
  readonly signal?: AbortSignal
  /** Called for each `emit(event, data)`, in order, while the run is in progress. */
  readonly onEmit: (event: string, data: Payload) => void
  /** Called for each `log(level, message, data)`. */
  readonly onLog: (level: OutputEntry['level'], message: string, data?: Payload) => void
}

/** What a finished run returned. */
export interface ScriptOutcome {
  /** The script's return value when it was a plain object. */
  readonly returned?: Payload
}

/**
 * Runs user scripts isolated from the host. Rejections are `RoutiluxError`s: `SCRIPT_SYNTAX_ERROR`,
 * `SCRIPT_ERROR` (a throw, a memory limit, a crash) or `HANDLER_TIMEOUT` (the time limit).
 */
export interface ScriptRunner {
  run(request: ScriptRequest): Promise<ScriptOutcome>
  /** Releases every resource (workers); later runs fail. */
  dispose(): Promise<void>
}
