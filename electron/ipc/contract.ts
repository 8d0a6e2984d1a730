/**
 * The one contract between the renderer and the host, for both transports (Electron IPC through the
 * preload, and WebSocket in web mode). Types and channel names only: the main-side and preload-side
 * helpers, the WebSocket server, the renderer bridges and the request schemas (`schemas.ts`) are all
 * derived from `MethodMap` and `StreamMap` below.
 */
import type { FlowDocument, Problem } from '../../engine/document/types'
import type { Payload } from '../../engine/types'
import type { ExecutionBatch } from './contract-execution'
import type { MenuCommandMessage } from './contract-menu'
import type {
  AppInfo,
  DocPath,
  DraftInfo,
  EventPage,
  ExampleInfo,
  HistoryPage,
  JobDetail,
  JobSummary,
  MetricsEndpointState,
  OpenedDocument,
  RecentEntry,
  RegistryState,
  RunOptions,
  SavedDocument,
  SnapshotInfo,
  TimelineSpan,
  WorkspaceEntry,
} from './contract-models'

export type * from './contract-execution'
export type * from './contract-menu'
export type * from './contract-models'

/** A request that carries nothing. */
export type EmptyRequest = Record<string, never>

/** D2 export styles (DESIGN §5). */
export type D2Style = 'default' | 'compact' | 'detailed'

/**
 * Every request/response method: `name: { request; response }`. Methods reject with a `StudioError`.
 * Paths (`DocPath`) are workspace-relative in web mode and absolute in the desktop app.
 */
export interface MethodMap {
  /** Version, transport, capabilities, workspace root and folders of this host. */
  'app.info': { request: EmptyRequest; response: AppInfo }
  /** Tells the shell the document's title and dirty state (window title, close prompt). */
  'app.setDocumentState': { request: { title: string; path: DocPath | null; dirty: boolean }; response: null }

  /** Routine type descriptors (built-ins and plugins) with plugin-loading problems. */
  'registry.describe': { request: EmptyRequest; response: RegistryState }
  /** Reloads the plugins folder; also pushes `registry.changed`. */
  'registry.reloadPlugins': { request: EmptyRequest; response: RegistryState }

  /** A fresh untitled document. */
  'document.new': { request: { name?: string }; response: OpenedDocument }
  /** Reads a document (never throws on bad content: problems and raw text come back instead). */
  'document.open': { request: { path: DocPath }; response: OpenedDocument }
  /**
   * Writes a document atomically (temp file, fsync, rename, `.bak` of the previous version).
   * With `expectedModifiedAt`, refuses with `FILE_CONFLICT` if the file changed on disk since.
   * With `draftId`, discards that draft once the file is safely written.
   */
  'document.save': {
    request: { path: DocPath; document: FlowDocument; expectedModifiedAt?: number | null; draftId?: string }
    response: SavedDocument
  }
  /** Saves under a new path; refuses with `FILE_EXISTS` unless `overwrite` is true. */
  'document.saveAs': {
    request: { path: DocPath; document: FlowDocument; overwrite?: boolean; draftId?: string }
    response: SavedDocument
  }
  /** Stops watching a document for external changes. */
  'document.close': { request: { path: DocPath }; response: null }
  /** Schema and reference validation of a document. */
  'document.validate': { request: { document: FlowDocument }; response: { problems: Problem[] } }
  /** Deeper analysis: validation plus entry points, unreachable routines, unused ports and cycles. */
  'document.analyze': {
    request: { document: FlowDocument }
    response: { problems: Problem[]; entryPoints: string[]; unreachable: string[]; cycles: string[][] }
  }
  /** Converts a Python Routilux flow (source text) into an untitled document. */
  'document.importPython': { request: { source: string; fileName?: string }; response: OpenedDocument }
  /** The bundled example flows. */
  'document.listExamples': { request: EmptyRequest; response: { examples: ExampleInfo[] } }
  /** An example as an untitled document. */
  'document.openExample': { request: { id: string }; response: OpenedDocument }
  /** Recently opened or saved documents, most recent first. */
  'document.recent': { request: EmptyRequest; response: { entries: RecentEntry[] } }
  /** Empties the recent-files list. */
  'document.clearRecent': { request: EmptyRequest; response: null }

  /** Lists a workspace folder (`''` is the root); paths cannot leave the workspace. */
  'workspace.list': { request: { dir: DocPath }; response: { dir: DocPath; entries: WorkspaceEntry[] } }
  /** Creates a folder (and missing parents) inside the workspace. */
  'workspace.createFolder': { request: { path: DocPath }; response: { path: DocPath } }

  /** Native open dialog (desktop only; web mode rejects with `UNSUPPORTED`). Null when cancelled. */
  'dialog.open': { request: { title?: string }; response: { path: DocPath | null } }
  /** Native save dialog (desktop only). Null when cancelled. */
  'dialog.save': {
    request: { title?: string; defaultName?: string; kind?: 'flow' | 'd2' | 'svg' | 'snapshot' }
    response: { path: DocPath | null }
  }

  /** Autosaves unsaved work (the renderer calls it every few seconds while dirty). */
  'draft.put': {
    request: {
      draftId: string
      path: DocPath | null
      name: string
      document: FlowDocument
      baseModifiedAt?: number | null
    }
    response: DraftInfo
  }
  /** Drafts kept in the app-data folder (from this run and earlier ones). */
  'draft.list': { request: EmptyRequest; response: { drafts: DraftInfo[] } }
  /** A draft's document, to reopen it as unsaved work. */
  'draft.recover': { request: { draftId: string }; response: { draft: DraftInfo; document: FlowDocument } }
  /** Deletes a draft. */
  'draft.discard': { request: { draftId: string }; response: null }

  /** D2 text of a document, optionally with a job's statuses and counts overlaid. */
  'd2.export': {
    request: { document: FlowDocument; style: D2Style; overlayJobId?: string }
    response: { text: string }
  }
  /** Renders D2 text to SVG with the real D2 compiler (one instance, calls queued). */
  'd2.render': { request: { text: string }; response: { svg: string } }
  /** Exports a document as D2 text or SVG into a file. */
  'd2.save': {
    request: {
      path: DocPath
      format: 'd2' | 'svg'
      document: FlowDocument
      style: D2Style
      overlayJobId?: string
    }
    response: { path: DocPath }
  }

  /** Starts a job of a document from an entry routine. */
  'job.start': {
    request: {
      document: FlowDocument
      documentPath?: DocPath | null
      entry: string
      slot?: string
      params: Payload
      options?: RunOptions
    }
    response: { job: JobSummary }
  }
  /** Pauses a job; resolves once none of its handlers is running. */
  'job.pause': { request: { jobId: string }; response: { job: JobSummary } }
  /**
   * Resumes a paused (or restored) job. A job left paused when the studio last closed (its summary
   * names a `snapshot`) is restored from that snapshot first.
   */
  'job.resume': { request: { jobId: string }; response: { job: JobSummary } }
  /** Cancels a job (a job left paused by an earlier run is restored first, then cancelled). */
  'job.cancel': { request: { jobId: string }; response: { job: JobSummary } }
  /** Jobs of this run and the persisted history of earlier runs, newest first. */
  'job.list': { request: EmptyRequest; response: { jobs: JobSummary[] } }
  /** Details of a job: routine states, shared data, output log, errors with stacks, live aggregates. */
  'job.get': { request: { jobId: string }; response: JobDetail }
  /** A page of the job's execution history. */
  'job.history': { request: { jobId: string; offset: number; limit: number }; response: HistoryPage }
  /** Recent events of the job (ring buffer), optionally only those after `afterSeq`. */
  'job.events': { request: { jobId: string; afterSeq?: number; limit?: number }; response: EventPage }
  /** Routine executions of the job for the timeline (the most recent 5,000). */
  'job.timeline': { request: { jobId: string }; response: { spans: TimelineSpan[] } }
  /** Forgets finished jobs (live and persisted). */
  'job.clearFinished': { request: EmptyRequest; response: null }

  /** Saves a paused or finished job's snapshot (with its document) to a file; default in app data. */
  'snapshot.save': { request: { jobId: string; path?: DocPath }; response: SnapshotInfo }
  /** Snapshots saved in the app-data folder. */
  'snapshot.list': { request: EmptyRequest; response: { snapshots: SnapshotInfo[] } }
  /** Reads a snapshot file's summary without restoring it. */
  'snapshot.load': { request: { path: DocPath }; response: SnapshotInfo }
  /** Restores a snapshot as a paused job (also after a restart); resume it with `job.resume`. */
  'snapshot.restore': { request: { path: DocPath }; response: { job: JobSummary } }

  /** Prometheus exposition text of every flow's metrics. */
  'metrics.text': { request: EmptyRequest; response: { text: string } }
  /** Whether `/metrics` is served over HTTP on 127.0.0.1. */
  'metrics.endpoint': { request: EmptyRequest; response: MetricsEndpointState }
  /** Turns the `/metrics` HTTP endpoint on or off (`port` 0 or absent picks a free port). */
  'metrics.setEndpoint': { request: { enabled: boolean; port?: number }; response: MetricsEndpointState }
}

/** Every pushed stream: `name: payload`. */
export interface StreamMap {
  /** Coalesced live execution updates, about 30 per second while jobs run (see `ExecutionBatch`). */
  'execution.batch': ExecutionBatch
  /** The job list changed (started, paused, finished, restored, cleared). */
  'jobs.changed': { jobs: JobSummary[] }
  /** An open document changed or vanished on disk, outside the studio. */
  'document.changedOnDisk': { path: DocPath; change: 'modified' | 'deleted'; modifiedAt: number | null }
  /** Plugins were reloaded. */
  'registry.changed': RegistryState
  /** A command from the application menu, command line, second instance or close prompt. */
  'menu.command': MenuCommandMessage
  /** Drafts left by an earlier run were found at startup (delivered to the first subscriber). */
  'draft.recoveryOffered': { drafts: DraftInfo[] }
}

export type MethodName = keyof MethodMap
export type StreamName = keyof StreamMap
export type RequestOf<M extends MethodName> = MethodMap[M]['request']
export type ResponseOf<M extends MethodName> = MethodMap[M]['response']
export type StreamPayloadOf<S extends StreamName> = StreamMap[S]

/** Error codes the host adds to the engine's (`ErrorCode` in engine/errors.ts). */
export const HostErrorCode = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNKNOWN_METHOD: 'UNKNOWN_METHOD',
  NOT_FOUND: 'NOT_FOUND',
  FILE_EXISTS: 'FILE_EXISTS',
  FILE_CONFLICT: 'FILE_CONFLICT',
  OUTSIDE_WORKSPACE: 'OUTSIDE_WORKSPACE',
  IO_ERROR: 'IO_ERROR',
  UNSUPPORTED: 'UNSUPPORTED',
  TOO_LARGE: 'TOO_LARGE',
  FORBIDDEN: 'FORBIDDEN',
  DISCONNECTED: 'DISCONNECTED',
  INTERNAL: 'INTERNAL',
} as const
export type HostErrorCode = (typeof HostErrorCode)[keyof typeof HostErrorCode]

/** What a failed call rejects with (a plain object, identical over both transports). */
export interface StudioError {
  readonly code: string
  readonly message: string
  readonly details?: Payload
}

/**
 * Connection state of the bridge (IPC is always `connected`). `refused`: the web-mode host answers
 * but no longer accepts this page's token (it was restarted, with a new one); the bridge stops
 * reconnecting for good.
 */
export type BridgeStatus = 'connecting' | 'connected' | 'disconnected' | 'refused'

/** The renderer's only way to the host: one interface, an IPC and a WebSocket implementation. */
export interface StudioBridge {
  readonly transport: 'ipc' | 'websocket'
  /** Calls a host method; rejects with a `StudioError`. */
  call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>>
  /** Listens to a stream; returns the unsubscribe function. */
  subscribe<S extends StreamName>(stream: S, listener: (payload: StreamPayloadOf<S>) => void): () => void
  /** Listens to connection status changes (called at once with the current status). */
  onStatus(listener: (status: BridgeStatus) => void): () => void
}

/** Outcome of one call as it crosses a transport (never a thrown error: codes must survive). */
export type CallResult<R = unknown> =
  | { readonly ok: true; readonly response: R }
  | { readonly ok: false; readonly error: StudioError }

/** Electron IPC channel names (used only by `electron/ipc/main-ipc.ts` and `electron/preload.ts`). */
export const IPC_CHANNELS = {
  /** invoke(method, request) → CallResult */
  call: 'routilux:call',
  /** send(stream) */
  subscribe: 'routilux:subscribe',
  /** send(stream) */
  unsubscribe: 'routilux:unsubscribe',
  /** main → renderer: (stream, payload) */
  push: 'routilux:push',
} as const

/** The name under which the preload exposes its API on `window`. */
export const PRELOAD_GLOBAL = 'routilux'

/** The API the preload exposes as `window.routilux` (wrapped into a `StudioBridge` by the renderer). */
export interface PreloadApi {
  call(method: string, request: unknown): Promise<CallResult>
  subscribe(stream: string, listener: (payload: unknown) => void): () => void
}

/** WebSocket endpoint path; the page URL's `token` query parameter must be appended as `?token=`. */
export const WS_PATH = '/api'

/** Messages from a WebSocket client. */
export type ClientMessage =
  | { readonly type: 'call'; readonly id: number; readonly method: string; readonly request: unknown }
  | { readonly type: 'subscribe'; readonly stream: string }
  | { readonly type: 'unsubscribe'; readonly stream: string }

/** Messages from the WebSocket server. */
export type ServerMessage =
  | ({ readonly type: 'result'; readonly id: number } & CallResult)
  | { readonly type: 'push'; readonly stream: string; readonly payload: unknown }
  | { readonly type: 'error'; readonly error: StudioError }
