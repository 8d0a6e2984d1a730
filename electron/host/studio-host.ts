/**
 * `StudioHost`: everything behind the contract, in plain Node (no Electron). It composes small
 * managers — documents, drafts, recent files, workspace, examples, registry, D2, jobs, snapshots,
 * execution streaming, metrics — and exposes them through a `HostEndpoint` that both transports
 * (Electron IPC, WebSocket) connect to. The desktop shell adds native dialogs and window hooks.
 */
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { saveDocument } from '../../engine/document/save'
import { MetricsCollector } from '../../engine/metrics/metrics-collector'
import { WorkerScriptRunner } from '../../engine/node/script/worker-script-runner'
import type { Capabilities, MenuCommandMessage } from '../ipc/contract'
import { HostEndpoint } from '../ipc/host-endpoint'
import { StreamHub } from '../ipc/stream-hub'
import { D2Service } from './d2/d2-service'
import { DocumentManager } from './documents/document-manager'
import { DraftStore } from './documents/draft-store'
import { ExampleLibrary } from './documents/examples'
import { FileWatcher } from './documents/file-watcher'
import { RecentFiles } from './documents/recent-files'
import { WorkspaceBrowser } from './documents/workspace-browser'
import type { FsOps } from './files/fs-ops'
import { grantedPolicy, type PathPolicy, workspacePolicy } from './files/path-policy'
import { createHandlers, type DialogProvider, type ShellHooks } from './host-handlers'
import { JobDetails } from './jobs/job-details'
import { JobHistory } from './jobs/job-history'
import { JobManager } from './jobs/job-manager'
import { PausedJobs } from './jobs/paused-jobs'
import { SnapshotStore } from './jobs/snapshot-store'
import { MetricsEndpoint } from './metrics/metrics-endpoint'
import { type PluginLoader, RegistryManager } from './registry/registry-manager'
import { ExecutionStreamer } from './stream/execution-streamer'

/** Largest request or message the host accepts (documents of a few thousand routines fit easily). */
export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024

export interface StudioHostOptions {
  readonly appDataDir: string
  /** Web mode: the workspace folder all paths are relative to. Desktop: an optional default folder. */
  readonly workspaceRoot: string | null
  /** `workspace` confines paths to the workspace (web mode); `granted` allows user-chosen files (desktop). */
  readonly pathMode: 'workspace' | 'granted'
  readonly examplesDir: string
  readonly version: string
  readonly capabilities: Capabilities
  readonly dialogs?: DialogProvider
  readonly shell?: ShellHooks
  readonly loadPlugins?: PluginLoader
  readonly maxMessageBytes?: number
  /** Shortcuts the desktop menu owns (renderer notation); the page leaves those keys to the menu. */
  readonly menuKeys?: readonly string[]
  readonly batchIntervalMs?: number
  readonly fs?: FsOps
  readonly log?: (message: string) => void
  /** Called when the recent-files list changed (the desktop menu lists it). */
  readonly onRecentChanged?: () => void
}

export class StudioHost {
  readonly hub = new StreamHub()
  readonly endpoint: HostEndpoint
  readonly policy: PathPolicy
  readonly runId = randomUUID()
  readonly streamer: ExecutionStreamer
  readonly registry: RegistryManager
  readonly documents: DocumentManager
  readonly drafts: DraftStore
  readonly recent: RecentFiles
  readonly jobs: JobManager
  readonly examples: ExampleLibrary
  readonly #watcher: FileWatcher
  readonly #history: JobHistory
  readonly #paused: PausedJobs
  readonly #d2: D2Service
  readonly #scripts: WorkerScriptRunner
  readonly #metricsEndpoint: MetricsEndpoint
  readonly #options: StudioHostOptions
  #closed = false

  private constructor(options: StudioHostOptions) {
    this.#options = options
    const log = options.log ?? ((message: string) => console.warn(message))
    const appData = options.appDataDir
    this.policy =
      options.pathMode === 'workspace'
        ? workspacePolicy(options.workspaceRoot ?? join(appData, 'workspace'))
        : grantedPolicy(options.workspaceRoot)
    this.#scripts = new WorkerScriptRunner()
    this.registry = new RegistryManager(join(appData, 'plugins'), {
      scriptRunner: this.#scripts,
      ...(options.loadPlugins && { loadPlugins: options.loadPlugins }),
    })
    this.streamer = new ExecutionStreamer({
      publish: (batch) => this.hub.publish('execution.batch', batch),
      ...(options.batchIntervalMs !== undefined && { intervalMs: options.batchIntervalMs }),
    })
    this.hub.onSubscribe((stream) => {
      if (stream === 'execution.batch') this.streamer.requestFull()
    })
    this.hub.onCongestion((stream) => {
      if (stream === 'execution.batch') this.streamer.requestFull({ resendFinals: true })
    })
    this.recent = new RecentFiles(join(appData, 'recent.json'), this.policy, options.onRecentChanged)
    this.#watcher = new FileWatcher((change) =>
      this.hub.publish('document.changedOnDisk', {
        path: this.policy.toDocPath(change.absolute),
        change: change.change,
        modifiedAt: change.modifiedAt,
      }),
    )
    let documents: DocumentManager | undefined
    this.drafts = new DraftStore({
      dir: join(appData, 'drafts'),
      runId: this.runId,
      serialize: (document) => saveDocument(document),
      readSaved: (path) => documents?.readSaved(path) ?? Promise.resolve(undefined),
      paths: { check: (path) => this.policy.resolve(path), grant: (path) => this.policy.grant(path) },
      ...(options.fs && { fs: options.fs }),
      onProblem: log,
    })
    documents = new DocumentManager({
      policy: this.policy,
      recent: this.recent,
      drafts: this.drafts,
      watcher: this.#watcher,
      descriptors: this.registry.descriptors,
      ...(options.fs && { fs: options.fs }),
    })
    this.documents = documents
    this.#history = new JobHistory(join(appData, 'jobs', 'history.json'), (error) =>
      log(`Job history: ${String(error)}`),
    )
    const metrics = new MetricsCollector()
    this.jobs = new JobManager({
      registry: this.registry,
      streamer: this.streamer,
      history: this.#history,
      metrics,
      onJobsChanged: () => this.#announceJobs(),
    })
    this.examples = new ExampleLibrary(options.examplesDir)
    this.#d2 = new D2Service(this.registry.descriptors)
    this.#metricsEndpoint = new MetricsEndpoint(() => metrics.exportPrometheus())
    const snapshots = new SnapshotStore(join(appData, 'snapshots'), this.policy, this.jobs)
    this.#paused = new PausedJobs(this.jobs, snapshots, this.#history, log)
    const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES
    const handlers = createHandlers({
      options: {
        version: options.version,
        appDataDir: options.appDataDir,
        capabilities: options.capabilities,
        maxMessageBytes,
        menuKeys: options.menuKeys ?? [],
        ...(options.dialogs && { dialogs: options.dialogs }),
        ...(options.shell && { shell: options.shell }),
      },
      hub: this.hub,
      policy: this.policy,
      documents: this.documents,
      drafts: this.drafts,
      recent: this.recent,
      registry: this.registry,
      jobs: this.jobs,
      workspace: new WorkspaceBrowser(this.policy),
      examples: this.examples,
      d2: this.#d2,
      details: new JobDetails(this.jobs, this.streamer, this.#history),
      snapshots,
      paused: this.#paused,
      metrics,
      metricsEndpoint: this.#metricsEndpoint,
    })
    this.endpoint = new HostEndpoint(handlers, this.hub, {
      maxMessageBytes,
      onInternalError: (method, error) =>
        log(`${method} failed: ${error instanceof Error ? error.stack : String(error)}`),
    })
  }

  /** Creates a host and loads its state: recent files, plugins, job history, drafts to recover. */
  static async create(options: StudioHostOptions): Promise<StudioHost> {
    const host = new StudioHost(options)
    await host.recent.load()
    await host.registry.reload()
    await host.#history.load()
    const drafts = await host.drafts.recoverable()
    if (drafts.length > 0) host.hub.publish('draft.recoveryOffered', { drafts }, { retain: true })
    return host
  }

  get options(): StudioHostOptions {
    return this.#options
  }

  /** Sends a command to the renderer, kept for the first subscriber if no window listens yet. */
  command(message: MenuCommandMessage): void {
    this.hub.publish('menu.command', message, { retain: true })
  }

  /** Opens a file given by the shell (command line, second instance, file association). */
  openFromShell(absolute: string): void {
    this.policy.grant(absolute)
    this.command({ command: 'file.openPath', arg: this.policy.toDocPath(absolute) })
  }

  /**
   * Stops timers, the D2 worker, the metrics endpoint and running jobs; saves paused jobs as snapshots
   * and writes the job history.
   */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#watcher.close()
    await this.#paused.keep()
    await this.jobs.close()
    this.streamer.close()
    await this.#d2.close()
    await this.#scripts.dispose()
    await this.#metricsEndpoint.close()
  }

  #announceJobs(): void {
    this.hub.publish('jobs.changed', { jobs: this.jobs.list() })
  }
}
