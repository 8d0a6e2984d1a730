/**
 * Compiles and renders D2 with the real compiler (@terrastruct/d2, WASM in a worker thread). The
 * library answers one request at a time (a second call would steal the first one's reply), so calls
 * go through a queue. The worker keeps Node alive: `dispose()` terminates it.
 *
 * The compiler is a 22 MB WASM module. V8 normally recompiles hot WASM with its optimising tier in
 * background threads, and a terminated worker's isolate is only torn down once those jobs finish:
 * on a busy machine the process then lingers for tens of seconds after `dispose()`. The baseline
 * tier alone (`--liftoff-only`, a process-wide V8 flag set before the first compiler starts) also
 * starts faster and lays out small diagrams as fast, so it is the default.
 */
import { setFlagsFromString } from 'node:v8'
import { type CompileOptions, type CompileResponse, D2, type RenderOptions } from '@terrastruct/d2'
import { RoutiluxError } from '../../errors'

let baselineWasm = false

/** Restricts WebAssembly to V8's baseline compiler for this process (see the module comment). */
function restrictToBaselineWasm(): void {
  if (baselineWasm) return
  setFlagsFromString('--liftoff-only')
  baselineWasm = true
}

/** Code of the error raised when D2 source does not compile. */
export const D2_COMPILE_ERROR = 'D2_COMPILE_ERROR'

/** One message of the D2 compiler, with its 1-based line and column. */
export interface D2Diagnostic {
  readonly message: string
  /** The file it is in, when several were compiled together (never `index`, the entry). */
  readonly file?: string
  readonly line?: number
  readonly column?: number
}

interface D2Internals {
  ready?: Promise<unknown>
  worker?: { terminate(): Promise<number> | undefined }
}

/** A serialised wrapper around one D2 compiler instance. */
export class D2Renderer {
  /** `optimiseWasm: true` keeps V8's optimising WASM tier (slower start and exit, see above). */
  constructor(private readonly options: { optimiseWasm?: boolean } = {}) {}

  private d2: D2 | undefined
  private tail: Promise<unknown> = Promise.resolve()
  private disposed = false

  /** Compiles D2 source; rejects with a `RoutiluxError` (`D2_COMPILE_ERROR`) listing the compiler's messages. */
  compile(source: string, options: CompileOptions = {}): Promise<CompileResponse> {
    return this.compileFiles({ index: source }, options)
  }

  /**
   * Compiles a set of D2 files in one call: `index` is the entry and imports the others by name
   * (`x: @other` reads `other.d2`). Several diagrams compile at once as layers of one entry
   * (`layers: { a: @a, b: @b }`), each laid out as its own board, at a fraction of the cost of a call
   * each. Rejects like `compile`; a diagnostic names the file it is in.
   */
  compileFiles(
    files: Readonly<Record<string, string>>,
    options: CompileOptions = {},
  ): Promise<CompileResponse> {
    return this.enqueue(async (d2) => {
      try {
        return await d2.compile({ fs: { ...files }, inputPath: 'index', options })
      } catch (error) {
        throw compileError(error)
      }
    })
  }

  /** Compiles D2 source and renders it to SVG text. */
  renderSvg(source: string, options: CompileOptions & RenderOptions = {}): Promise<string> {
    return this.enqueue(async (d2) => {
      let compiled: CompileResponse
      try {
        compiled = await d2.compile({ fs: { index: source }, inputPath: 'index', options })
      } catch (error) {
        throw compileError(error)
      }
      return d2.render(compiled.diagram, { ...compiled.renderOptions, ...options })
    })
  }

  /** Waits for queued calls, then terminates the worker. Idempotent. */
  async dispose(): Promise<void> {
    if (this.disposed) return
    this.disposed = true
    await this.tail.catch(() => undefined)
    const internals = this.d2 as unknown as D2Internals | undefined
    this.d2 = undefined
    if (!internals) return
    await internals.ready?.catch(() => undefined)
    await internals.worker?.terminate()
  }

  private enqueue<T>(task: (d2: D2) => Promise<T>): Promise<T> {
    if (this.disposed)
      return Promise.reject(new RoutiluxError('INVALID_STATE', 'the D2 renderer has been disposed'))
    if (!this.d2) {
      if (this.options.optimiseWasm !== true) restrictToBaselineWasm()
      this.d2 = new D2()
    }
    const d2 = this.d2
    const run = this.tail.then(
      () => task(d2),
      () => task(d2),
    )
    this.tail = run.catch(() => undefined)
    return run
  }
}

/** Turns the compiler's rejection (a JSON list of `{range, errmsg}`) into a coded error with diagnostics. */
function compileError(error: unknown): RoutiluxError {
  const raw = error instanceof Error ? error.message : String(error)
  const diagnostics = parseDiagnostics(raw)
  const text = diagnostics.map((d) => (d.file ? `${d.file}: ${d.message}` : d.message)).join('; ') || raw
  return new RoutiluxError(
    D2_COMPILE_ERROR,
    `D2 did not compile: ${text}`,
    { diagnostics: [...diagnostics] },
    {
      cause: error,
    },
  )
}

function parseDiagnostics(raw: string): D2Diagnostic[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return [{ message: raw }]
  }
  if (!Array.isArray(parsed)) return [{ message: raw }]
  return parsed.map((item) => {
    const message = typeof item?.errmsg === 'string' ? item.errmsg : JSON.stringify(item)
    const match = /^([^:]*):(\d+):(\d+): (.*)$/s.exec(message)
    if (!match) return { message }
    const file = match[1] as string
    return {
      ...(file !== 'index' && file !== '' && { file }),
      line: Number(match[2]),
      column: Number(match[3]),
      message: match[4] as string,
    }
  })
}
