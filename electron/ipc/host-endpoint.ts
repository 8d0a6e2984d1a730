/**
 * The transport-independent side of the contract: every client connection (an Electron window or a
 * WebSocket) goes through `HostEndpoint.connect`, which validates each request against its schema,
 * dispatches it to the host's handler and turns any failure into a coded `StudioError`. Both
 * transports therefore share one code path and one set of rules.
 */
import { RoutiluxError } from '../../engine/errors'
import type { CallResult, MethodName, RequestOf, ResponseOf, StudioError, Transport } from './contract'
import { HostErrorCode } from './contract'
import { isMethodName, isStreamName, requestSchemas } from './schemas'
import type { StreamHub } from './stream-hub'
import { toStudioError } from './studio-error'

/** Who is calling. */
export interface CallContext {
  readonly transport: Transport
  readonly connectionId: string
}

/** One handler per contract method (the host implements these). */
export type MethodHandlers = {
  [M in MethodName]: (request: RequestOf<M>, context: CallContext) => Promise<ResponseOf<M>> | ResponseOf<M>
}

/** A client connection as the transports drive it. */
export interface EndpointConnection {
  readonly id: string
  /** Validates and runs one call; never rejects. */
  call(method: unknown, request: unknown): Promise<CallResult>
  /** Returns an error when the stream name is unknown. */
  subscribe(stream: unknown): StudioError | undefined
  unsubscribe(stream: unknown): void
  close(): void
}

export interface EndpointOptions {
  /** Requests larger than this (JSON characters) are refused with `TOO_LARGE`. */
  readonly maxMessageBytes: number
  /** Called with failures that are the host's fault (not bad requests), for the log. */
  readonly onInternalError?: (method: string, error: unknown) => void
}

let nextConnection = 1

export class HostEndpoint {
  readonly #handlers: MethodHandlers
  readonly #hub: StreamHub
  readonly #options: EndpointOptions

  constructor(handlers: MethodHandlers, hub: StreamHub, options: EndpointOptions) {
    this.#handlers = handlers
    this.#hub = hub
    this.#options = options
  }

  /**
   * Opens a connection. `send` pushes a stream payload to the client and returns false if the client
   * could not take it; `measureRequests` makes the endpoint check request sizes itself (IPC, where no
   * socket limit applies).
   */
  connect(
    transport: Transport,
    send: (stream: string, payload: unknown) => boolean,
    options?: { measureRequests?: boolean },
  ): EndpointConnection {
    const id = `${transport}-${nextConnection++}`
    const detach = this.#hub.attach({ id, send })
    const context: CallContext = { transport, connectionId: id }
    const call = (method: unknown, request: unknown): Promise<CallResult> =>
      this.#call(method, request, context, options?.measureRequests === true)
    return {
      id,
      call,
      subscribe: (stream) => {
        if (typeof stream !== 'string' || !isStreamName(stream)) {
          return { code: HostErrorCode.BAD_REQUEST, message: `Unknown stream ${describeValue(stream)}` }
        }
        this.#hub.subscribe(id, stream)
        return undefined
      },
      unsubscribe: (stream) => {
        if (typeof stream === 'string' && isStreamName(stream)) this.#hub.unsubscribe(id, stream)
      },
      close: detach,
    }
  }

  async #call(
    method: unknown,
    request: unknown,
    context: CallContext,
    measure: boolean,
  ): Promise<CallResult> {
    if (typeof method !== 'string' || !isMethodName(method)) {
      return failure({
        code: HostErrorCode.UNKNOWN_METHOD,
        message: `Unknown method ${describeValue(method)}`,
      })
    }
    if (measure) {
      const size = jsonSize(request)
      if (size > this.#options.maxMessageBytes) {
        return failure({
          code: HostErrorCode.TOO_LARGE,
          message: `Request of ${size} bytes exceeds the limit of ${this.#options.maxMessageBytes}`,
        })
      }
    }
    const parsed = requestSchemas[method].safeParse(request ?? {})
    if (!parsed.success) {
      return failure({
        code: HostErrorCode.BAD_REQUEST,
        message: `Invalid request for ${method}: ${parsed.error.issues
          .slice(0, 3)
          .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
          .join('; ')}`,
        details: {
          issues: parsed.error.issues
            .slice(0, 20)
            .map((i) => ({ path: i.path.map(String), message: i.message })),
        },
      })
    }
    try {
      const handler = this.#handlers[method] as (request: unknown, context: CallContext) => unknown
      const response = await handler(parsed.data, context)
      return { ok: true, response: response === undefined ? null : response }
    } catch (error) {
      if (!(error instanceof RoutiluxError)) this.#options.onInternalError?.(method, error)
      return failure(toStudioError(error))
    }
  }
}

function failure(error: StudioError): CallResult {
  return { ok: false, error }
}

function describeValue(value: unknown): string {
  return typeof value === 'string' ? `'${value.slice(0, 100)}'` : `(${typeof value})`
}

function jsonSize(value: unknown): number {
  try {
    return JSON.stringify(value ?? null)?.length ?? 0
  } catch {
    // Not serialisable at all (cycles, BigInt): the schema check rejects it right after.
    return 0
  }
}
