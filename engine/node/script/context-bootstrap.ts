/**
 * Source of the script compiled inside each fresh sandbox context. It builds `emit`, `log`,
 * `console` and (when granted) `fetch` *inside* the context, so every object user code can reach
 * belongs to the context's realm, and it talks to the worker only through JSON strings.
 */

/** Evaluates (in the context) to a function `(eventsJson, grantsJson, binaryBudget) => api`. */
export const CONTEXT_BOOTSTRAP = `(function (eventsJson, grantsJson, binaryBudget) {
  'use strict'
  const parse = JSON.parse
  const stringify = JSON.stringify
  const isArray = Array.isArray
  const then = Promise.prototype.then
  const PromiseCtor = Promise
  const ErrorCtor = Error
  const TypeErrorCtor = TypeError
  const StringCtor = String
  const createNull = Object.create
  const defineProperty = Object.defineProperty
  const events = parse(eventsJson)
  const grants = parse(grantsJson)
  const outbox = []
  const waiting = createNull(null)
  let nextRequest = 1
  let state = 'idle'
  let result = null
  const push = (entry) => { outbox[outbox.length] = entry }
  const isPlain = (value) => typeof value === 'object' && value !== null && !isArray(value)
  const text = (value) => { try { return StringCtor(value) } catch (_) { return '[unprintable]' } }
  const toJson = (value, what) => {
    let out
    try { out = stringify(value) } catch (e) { throw new TypeErrorCtor(what + ' is not JSON-serialisable: ' + text(e && e.message)) }
    return out === undefined ? 'null' : out
  }
  const describeError = (error) => {
    const info = { name: 'Error', message: text(error), stack: '' }
    try {
      if (typeof error === 'object' && error !== null) {
        info.name = text(error.name)
        info.message = text(error.message)
        info.stack = typeof error.stack === 'string' ? error.stack : ''
      }
    } catch (_) { info.message = '[error object could not be read]' }
    return stringify(info)
  }
  const LEVELS = ['debug', 'info', 'warn', 'error']
  function emit(event, data) {
    if (typeof event !== 'string' || events.indexOf(event) === -1) {
      throw new ErrorCtor('unknown event "' + text(event) + '"; this routine declares: ' + events.join(', '))
    }
    if (data !== undefined && !isPlain(data)) throw new TypeErrorCtor('emit data must be a plain object')
    push(['emit', event, toJson(data === undefined ? {} : data, 'emit data')])
  }
  function log(level, message, data) {
    if (LEVELS.indexOf(level) === -1) throw new TypeErrorCtor('log level must be one of ' + LEVELS.join(', '))
    if (data !== undefined && !isPlain(data)) throw new TypeErrorCtor('log data must be a plain object')
    push(['log', level, text(message), data === undefined ? null : toJson(data, 'log data')])
  }
  const line = (args) => { let out = ''; for (let i = 0; i < args.length; i++) out += (i ? ' ' : '') + (typeof args[i] === 'string' ? args[i] : toJson(args[i], 'console argument')); return out }
  const consoleObject = {
    log: (...args) => log('info', line(args)),
    info: (...args) => log('info', line(args)),
    debug: (...args) => log('debug', line(args)),
    warn: (...args) => log('warn', line(args)),
    error: (...args) => log('error', line(args)),
  }
  function fetchGranted(url, init) {
    if (!grants.fetch) {
      return PromiseCtor.reject(new ErrorCtor('fetch is not granted to this script; grant it in the routine config (grants.fetch)'))
    }
    const options = init === undefined ? {} : init
    if (!isPlain(options)) return PromiseCtor.reject(new TypeErrorCtor('fetch options must be a plain object'))
    const id = nextRequest++
    const request = toJson({ method: options.method, headers: options.headers, body: options.body }, 'fetch options')
    return new PromiseCtor((resolve, reject) => {
      waiting[id] = { resolve, reject }
      push(['fetch', id, text(url), request])
    })
  }
  delete globalThis.WebAssembly
  // Binary buffers live outside the JavaScript heap, so the worker's heap limit does not cover them:
  // every allocation is charged against a per-run budget instead.
  let binaryLeft = binaryBudget
  const charge = (bytes) => {
    const size = typeof bytes === 'number' && bytes > 0 ? bytes : 0
    if (size > binaryLeft) throw new RangeError('binary allocation exceeds the script memory limit')
    binaryLeft -= size
  }
  const sizeOf = (bytesPerElement, args) => {
    const first = args[0]
    if (bytesPerElement === 0) {
      const options = args[1]
      const max = options && typeof options === 'object' ? options.maxByteLength : 0
      return Math.max(Number(first) || 0, Number(max) || 0)
    }
    if (typeof first === 'number') return first * bytesPerElement
    if (first && typeof first === 'object' && typeof first.byteLength !== 'number' && typeof first.length === 'number') {
      return first.length * bytesPerElement
    }
    return 0
  }
  const BINARY = ['ArrayBuffer', 'SharedArrayBuffer', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array',
    'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array']
  for (let i = 0; i < BINARY.length; i++) {
    const Original = globalThis[BINARY[i]]
    if (typeof Original !== 'function') continue
    const bytesPerElement = Original.BYTES_PER_ELEMENT || 0
    const Capped = new Proxy(Original, {
      construct(target, args, newTarget) {
        charge(sizeOf(bytesPerElement, args))
        return Reflect.construct(target, args, newTarget === Capped ? target : newTarget)
      },
    })
    defineProperty(Original.prototype, 'constructor', { value: Capped, writable: true, configurable: true })
    defineProperty(globalThis, BINARY[i], { value: Capped, writable: true, configurable: true })
  }
  defineProperty(globalThis, 'console', { value: consoleObject, writable: true, configurable: true })
  defineProperty(globalThis, 'fetch', { value: fetchGranted, writable: true, configurable: true })
  return {
    start(fn, dataJson, configJson, metaJson) {
      state = 'running'
      let promise
      try {
        promise = fn(parse(dataJson), parse(configJson), emit, log, parse(metaJson))
      } catch (error) {
        state = 'failed'
        result = describeError(error)
        return
      }
      then.call(
        promise,
        (value) => {
          try {
            result = isPlain(value) ? toJson(value, 'the returned value') : null
            state = 'done'
          } catch (error) {
            state = 'failed'
            result = describeError(error)
          }
        },
        (error) => {
          state = 'failed'
          result = describeError(error)
        },
      )
    },
    settle(id, ok, json) {
      const entry = waiting[id]
      if (entry === undefined) return
      delete waiting[id]
      if (!ok) { entry.reject(new ErrorCtor(parse(json))); return }
      const response = parse(json)
      const body = response.body
      entry.resolve({
        status: response.status,
        statusText: response.statusText,
        ok: response.status >= 200 && response.status < 300,
        url: response.url,
        headers: response.headers,
        text: () => PromiseCtor.resolve(body),
        json: () => new PromiseCtor((resolve) => resolve(parse(body))),
      })
    },
    take() {
      const out = stringify({ outbox, state, result })
      outbox.length = 0
      return out
    },
  }
})`
