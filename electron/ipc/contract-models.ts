/**
 * Data shapes carried by the host API (see `contract.ts`): app info, documents, workspace files,
 * drafts, jobs, snapshots, metrics. Pure types only; everything here survives structured cloning and
 * JSON.
 */
import type { FlowDocument, Problem } from '../../engine/document/types'
import type { RoutineTypeDescriptor } from '../../engine/routines/descriptor'
import type {
  ErrorInfo,
  ExecutionRecord,
  JobStatus,
  OutputEntry,
  Payload,
  RoutineState,
} from '../../engine/types'
import type { JobLiveState, SampledEvent } from './contract-execution'

/** How the renderer reaches the host. */
export type Transport = 'ipc' | 'websocket'

/** What this host can do; the renderer hides what is missing (e.g. native dialogs in web mode). */
export interface Capabilities {
  /** `dialog.open` / `dialog.save` show the operating system's dialogs (Electron only). */
  readonly nativeDialogs: boolean
  /** `workspace.*` browses a workspace folder; the renderer shows its own file browser (web mode). */
  readonly workspaceBrowser: boolean
  /** `metrics.setEndpoint` can serve Prometheus text over HTTP on 127.0.0.1. */
  readonly metricsEndpoint: boolean
  /** The shell draws a window title and asks before closing (Electron only). */
  readonly windowShell: boolean
}

/** Answer of `app.info`. */
export interface AppInfo {
  readonly name: string
  readonly version: string
  readonly transport: Transport
  readonly platform: string
  readonly capabilities: Capabilities
  /** Absolute path of the workspace folder (web mode), or null when documents use absolute paths. */
  readonly workspaceRoot: string | null
  readonly appDataDir: string
  readonly pluginsDir: string
  /** Largest message the host accepts, in bytes (web mode enforces it; IPC uses the same limit). */
  readonly maxMessageBytes: number
  /**
   * Shortcuts the desktop app's menu owns, in the renderer's notation (`Mod+S`, `F5`); empty in web
   * mode. The page does not handle these keys itself: the menu runs the command (`menu.command` with
   * `viaShortcut`), so one key press never runs a command twice.
   */
  readonly menuKeys: readonly string[]
}

/**
 * A document path as the host hands it out: relative to the workspace with `/` separators in web
 * mode, absolute in the desktop app. Treat it as opaque and give it back unchanged.
 */
export type DocPath = string

/** A document read from disk (or an example, a recovered draft, an import). */
export interface OpenedDocument {
  /** Where it lives; null for untitled documents (new, examples, imports). */
  readonly path: DocPath | null
  /** File name without the `.routilux.json` extension, or the document's name when untitled. */
  readonly name: string
  /** The loaded document; null when the file could not be parsed at all (see `problems` and `text`). */
  readonly document: FlowDocument | null
  /** Problems found while loading (migration, schema, unknown types, dangling connections). */
  readonly problems: readonly Problem[]
  /** The raw file text, present only when `document` is null so the user can see what is wrong. */
  readonly text?: string
  /** Modification time of the file when read (epoch ms); pass it back to `document.save`. */
  readonly modifiedAt: number | null
}

/** Result of a successful save. */
export interface SavedDocument {
  readonly path: DocPath
  readonly name: string
  readonly modifiedAt: number
  /** Validation problems of what was saved (saving never refuses a document with problems). */
  readonly problems: readonly Problem[]
}

/** One entry of the recent-files list (most recent first, at most 20). */
export interface RecentEntry {
  readonly path: DocPath
  readonly name: string
  readonly openedAt: number
  /** False when the file is gone; the renderer shows it greyed out. */
  readonly exists: boolean
}

/** A bundled example flow. */
export interface ExampleInfo {
  readonly id: string
  readonly name: string
  readonly description: string
}

/** One row of a workspace folder listing (web mode file browser). */
export interface WorkspaceEntry {
  readonly name: string
  /** Workspace-relative path with `/` separators. */
  readonly path: DocPath
  readonly kind: 'file' | 'directory'
  readonly size: number
  readonly modifiedAt: number
  /** True for `*.routilux.json` files. */
  readonly isFlow: boolean
}

/** An autosaved copy of unsaved work, kept in the app-data folder until saved or discarded. */
export interface DraftInfo {
  readonly draftId: string
  /** The file the draft belongs to, or null for an untitled document. */
  readonly path: DocPath | null
  readonly name: string
  readonly savedAt: number
  /** Modification time of the file when editing began; lets the UI warn when the file moved on since. */
  readonly baseModifiedAt: number | null
  /** True when the draft was left by an earlier run of the app (a crash or a forced quit). */
  readonly fromPreviousRun: boolean
}

/** Job options given at start; absent fields fall back to the document's execution settings. */
export interface RunOptions {
  readonly mode?: 'sequential' | 'concurrent'
  readonly maxWorkers?: number
  readonly timeoutMs?: number
}

/** One row of the job list. Jobs of earlier runs of the app come from the persisted history. */
export interface JobSummary {
  readonly jobId: string
  readonly flowId: string
  readonly documentName: string
  readonly documentPath: DocPath | null
  readonly entry: string
  readonly status: JobStatus
  readonly startedAt: number
  readonly endedAt: number | null
  readonly durationMs: number | null
  readonly error: ErrorInfo | null
  /** True while the job lives in this host; false for history entries from earlier runs. */
  readonly live: boolean
  /** Set when the job was restored from a snapshot file. */
  readonly restoredFrom: DocPath | null
  /**
   * A job left paused when the studio closed: the snapshot it was saved to. `job.resume` (or
   * `job.cancel`) with its id restores that snapshot first, so the job goes on where it stopped.
   */
  readonly snapshot?: DocPath
  readonly counts: { readonly runs: number; readonly errors: number; readonly deliveries: number }
}

/** An error of a job, for the run panel's error list. */
export interface JobErrorEntry {
  readonly routineId: string | null
  readonly time: number
  readonly attempt: number | null
  readonly error: ErrorInfo
}

/** Answer of `job.get`: everything the run panel shows about one job. */
export interface JobDetail {
  readonly summary: JobSummary
  /** Engine routine states (absent for history entries whose details were not kept). */
  readonly routineStates: Readonly<Record<string, RoutineState>>
  /** The job's shared data, with large values truncated (see `TruncatedValue`). */
  readonly shared: Payload
  /** The most recent output-log lines (at most 1,000). */
  readonly output: readonly OutputEntry[]
  /** Errors with routine, message and stack (at most 200, most recent last). */
  readonly errors: readonly JobErrorEntry[]
  /** The live aggregates, same shape as in execution batches; null for history entries. */
  readonly live: JobLiveState | null
  /** Number of records in the job's execution history (page through with `job.history`). */
  readonly historySize: number
}

/** A page of a job's execution history (oldest first), payloads truncated. */
export interface HistoryPage {
  readonly total: number
  readonly offset: number
  readonly records: readonly ExecutionRecord[]
}

/** A page of the job's recent-event ring buffer, newest last. */
export interface EventPage {
  readonly events: readonly SampledEvent[]
  /** Sequence number of the oldest event still kept; older ones were overwritten. */
  readonly oldestSeq: number
  readonly latestSeq: number
}

/** One routine execution for the timeline (Gantt) view. */
export interface TimelineSpan {
  readonly routineId: string
  readonly deliveryId: number
  readonly attempt: number
  readonly start: number
  /** Null while still running. */
  readonly end: number | null
  readonly outcome: 'running' | 'completed' | 'failed'
}

/** What a snapshot file holds, as shown before restoring it. */
export interface SnapshotInfo {
  /** Where the snapshot is: a document path, or `@snapshots/<file>` for one kept in the app-data folder. */
  readonly path: DocPath
  readonly jobId: string
  readonly flowId: string
  readonly documentName: string
  readonly documentPath: DocPath | null
  readonly status: JobStatus
  readonly savedAt: number
  /** Deliveries waiting in the snapshot (they run on resume). */
  readonly pendingDeliveries: number
}

/** State of the optional Prometheus `/metrics` HTTP endpoint. */
export interface MetricsEndpointState {
  readonly enabled: boolean
  /** e.g. `http://127.0.0.1:9464/metrics`; null when disabled. */
  readonly url: string | null
}

/** Registry contents for the palette and inspector. */
export interface RegistryState {
  readonly descriptors: readonly RoutineTypeDescriptor[]
  /** Problems from loading plugins (a broken plugin never stops the others). */
  readonly problems: readonly Problem[]
  readonly pluginsDir: string
}
