/** A bridge double for store tests: method handlers by name, streams driven by the test. */
import type {
  AppInfo,
  BridgeStatus,
  MethodName,
  RequestOf,
  ResponseOf,
  StreamName,
  StreamPayloadOf,
  StudioBridge,
} from '../../../electron/ipc/contract'

export type Handlers = {
  [M in MethodName]?: (request: RequestOf<M>) => ResponseOf<M> | Promise<ResponseOf<M>>
}

export interface FakeBridge extends StudioBridge {
  readonly calls: { method: MethodName; request: unknown }[]
  push<S extends StreamName>(stream: S, payload: StreamPayloadOf<S>): void
}

/** A bridge answering with `handlers`; unhandled methods reject with `UNKNOWN_METHOD`. */
export function createFakeBridge(handlers: Handlers): FakeBridge {
  const calls: { method: MethodName; request: unknown }[] = []
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  return {
    transport: 'websocket',
    calls,
    async call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
      calls.push({ method, request })
      const handler = handlers[method] as
        | ((r: RequestOf<M>) => ResponseOf<M> | Promise<ResponseOf<M>>)
        | undefined
      if (!handler) throw { code: 'UNKNOWN_METHOD', message: `no handler for ${method}` }
      return handler(request)
    },
    subscribe(stream, listener) {
      let set = listeners.get(stream)
      if (!set) {
        set = new Set()
        listeners.set(stream, set)
      }
      const fn = listener as (payload: unknown) => void
      set.add(fn)
      return () => set.delete(fn)
    },
    onStatus(listener: (status: BridgeStatus) => void) {
      listener('connected')
      return () => undefined
    },
    push(stream, payload) {
      for (const listener of listeners.get(stream) ?? []) listener(payload)
    },
  }
}

/** Handlers the autosave of every store test needs: drafts are kept, the document state is taken. */
export const DRAFT_HANDLERS: Handlers = {
  'draft.put': ({ draftId, name, path }) => ({
    draftId,
    name,
    path,
    savedAt: 1,
    baseModifiedAt: null,
    fromPreviousRun: false,
  }),
  'app.setDocumentState': () => null,
}

/** Handlers for the calls `connectHost` makes when the page starts, answering with an empty studio. */
export const STARTUP_HANDLERS: Handlers = {
  'app.info': () => ({ capabilities: {}, menuKeys: [] }) as unknown as AppInfo,
  'registry.describe': () => ({ descriptors: [], problems: [], pluginsDir: '' }),
  'document.listExamples': () => ({ examples: [] }),
  'document.recent': () => ({ entries: [] }),
  ...DRAFT_HANDLERS,
}
