/**
 * The code of a sandbox worker thread. `sandboxWorkerSource()` turns `sandboxWorkerMain` into the
 * worker's source text, so this function must be self-contained: it may use only globals and
 * `require`, never the module's imports.
 *
 * Before any user code runs, the worker hardens its own realm: it keeps private references to what
 * it needs, deletes `require`, `process`, `module`, `fetch`, `Function`, `eval` and friends from its
 * global object, and makes every function-constructor lookup throw. User code then
 * runs in a fresh `node:vm` context per delivery (no code generation from strings, no WebAssembly,
 * no dynamic import), and talks to the worker only through JSON strings.
 */

/** The worker thread's entry point (runs inside the worker, never in the host). */
export function sandboxWorkerMain(): void {
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads')
  const vm = require('node:vm') as typeof import('node:vm')
  const proc = process
  const realFetch = globalThis.fetch
  const bootstrapSource = (workerData as { bootstrap: string }).bootstrap
  const port = parentPort
  if (port === null) return
  const MAX_BODY = 5 * 1024 * 1024

  proc.on('unhandledRejection', () => {
    // A script's unawaited rejection; the run reports its own outcome, the worker must survive.
  })
  const g = globalThis as Record<string, unknown>
  // Capabilities go; what the worker's own fetch needs (Buffer, WebAssembly for its HTTP parser) stays.
  for (const name of [
    'require',
    'module',
    'exports',
    '__filename',
    '__dirname',
    'process',
    'fetch',
    'Function',
    'eval',
    'SharedArrayBuffer',
    'Atomics',
    'BroadcastChannel',
    'MessageChannel',
    'MessagePort',
    'WebSocket',
    'EventSource',
  ]) {
    delete g[name]
  }
  const blocked = function blockedConstructor(): never {
    throw new TypeError('code generation is not available')
  }
  const prototypes = [
    Object.getPrototypeOf(() => {}),
    Object.getPrototypeOf(async () => {}),
    Object.getPrototypeOf(function* () {}),
    Object.getPrototypeOf(async function* () {}),
  ] as object[]
  for (const prototype of prototypes) {
    Object.defineProperty(prototype, 'constructor', { value: blocked, writable: false, configurable: false })
  }

  type Api = {
    start(fn: unknown, data: string, config: string, meta: string): void
    settle(id: number, ok: boolean, json: string): void
    take(): unknown
  }
  type RunMessage = {
    kind: 'run'
    id: number
    source: string
    data: string
    config: string
    meta: string
    events: string[]
    memoryMb: number
    grants: { fetch?: boolean; fetchHosts?: string[] }
  }

  const drainScript = new vm.Script('0')
  const bootstrapScript = new vm.Script(bootstrapSource, { filename: 'routilux-bootstrap.js' })
  // Compiled user scripts by source: a vm.Script runs in any context, so each delivery only pays for
  // its fresh context, not for compiling the same code again.
  const compiled = new Map<string, import('node:vm').Script>()
  const compile = (source: string) => {
    let script = compiled.get(source)
    if (script === undefined) {
      script = new vm.Script(source, { filename: 'script.js', lineOffset: -1 })
      if (compiled.size >= 64) compiled.clear()
      compiled.set(source, script)
    }
    return script
  }

  async function fetchFor(grants: RunMessage['grants'], url: string, requestJson: string): Promise<string> {
    const target = new URL(url)
    if (target.protocol !== 'http:' && target.protocol !== 'https:')
      throw new Error(`fetch: unsupported protocol ${target.protocol}`)
    const hosts = grants.fetchHosts ?? []
    if (hosts.length > 0 && !hosts.includes(target.hostname))
      throw new Error(`fetch: host "${target.hostname}" is not granted`)
    const request = JSON.parse(requestJson) as { method?: unknown; headers?: unknown; body?: unknown }
    const headers: Record<string, string> = {}
    if (typeof request.headers === 'object' && request.headers !== null) {
      for (const [k, v] of Object.entries(request.headers)) headers[k] = String(v)
    }
    const response = await realFetch(target, {
      method: typeof request.method === 'string' ? request.method : 'GET',
      headers,
      ...(typeof request.body === 'string' && { body: request.body }),
      redirect: hosts.length > 0 ? 'error' : 'follow',
    })
    const body = await response.text()
    if (body.length > MAX_BODY) throw new Error('fetch: response body is larger than 5 MB')
    const responseHeaders: Record<string, string> = {}
    response.headers.forEach((value, key) => {
      responseHeaders[key] = value
    })
    return JSON.stringify({
      status: response.status,
      statusText: response.statusText,
      url: response.url,
      headers: responseHeaders,
      body,
    })
  }

  async function run(message: RunMessage): Promise<void> {
    const post = (value: Record<string, unknown>) => port?.postMessage({ ...value, id: message.id })
    const context = vm.createContext(Object.create(null), {
      name: 'routilux-script',
      codeGeneration: { strings: false, wasm: false },
      microtaskMode: 'afterEvaluate',
    })
    const bootstrap = bootstrapScript.runInContext(context) as (
      events: string,
      grants: string,
      binaryBudget: number,
    ) => Api
    const api = bootstrap(
      JSON.stringify(message.events),
      JSON.stringify({ fetch: message.grants.fetch === true }),
      message.memoryMb * 1024 * 1024,
    )
    let fn: unknown
    try {
      fn = compile(message.source).runInContext(context)
    } catch (error) {
      post({
        kind: 'fail',
        error: { name: 'SyntaxError', message: String((error as Error)?.message ?? error), stack: '' },
      })
      return
    }
    api.start(fn, message.data, message.config, message.meta)
    drainScript.runInContext(context)
    const inflight = new Set<Promise<void>>()
    for (;;) {
      const raw = api.take()
      if (typeof raw !== 'string') {
        post({
          kind: 'fail',
          error: { name: 'Error', message: 'the sandbox state was tampered with', stack: '' },
        })
        return
      }
      const state = JSON.parse(raw) as { outbox: unknown[][]; state: string; result: string | null }
      for (const entry of state.outbox) {
        if (entry[0] === 'emit') post({ kind: 'emit', event: entry[1], data: entry[2] })
        else if (entry[0] === 'log') post({ kind: 'log', level: entry[1], message: entry[2], data: entry[3] })
        else if (entry[0] === 'fetch') {
          const id = entry[1] as number
          const settle = fetchFor(message.grants, String(entry[2]), String(entry[3])).then(
            (json) => api.settle(id, true, json),
            (error: unknown) =>
              api.settle(id, false, JSON.stringify(String((error as Error)?.message ?? error))),
          )
          const tracked = settle.finally(() => inflight.delete(tracked))
          inflight.add(tracked)
        }
      }
      if (state.state === 'done') {
        post({ kind: 'done', returned: state.result })
        return
      }
      if (state.state === 'failed') {
        post({ kind: 'fail', error: JSON.parse(state.result ?? '{}') })
        return
      }
      if (inflight.size === 0) {
        post({
          kind: 'fail',
          error: {
            name: 'Error',
            message: 'the script awaits a promise that nothing will ever resolve',
            stack: '',
          },
        })
        return
      }
      await Promise.race(inflight)
      drainScript.runInContext(context)
    }
  }

  port.on('message', (message: RunMessage) => {
    run(message).catch((error: unknown) => {
      port.postMessage({
        kind: 'fail',
        id: message.id,
        error: { name: 'Error', message: String((error as Error)?.message ?? error), stack: '' },
      })
    })
  })
  port.postMessage({ kind: 'ready' })
}

/**
 * The worker's source text: `sandboxWorkerMain` as a strict script. Transpilers and bundlers refer
 * to module-level helpers the extracted text does not carry: `__name(fn, name)` where they keep
 * function names (tsx, esbuild `keepNames`), and `__require` where an ES-module bundle (the built
 * app) rewrites `require`. The wrapper's parameters stand in for them without adding globals.
 */
export function sandboxWorkerSource(): string {
  return `'use strict';((__name, __require) => (${sandboxWorkerMain.toString()})())((target) => target, require)`
}
