/**
 * The handler table: one entry per contract method, each a one-line delegation to the manager that
 * owns it. Reading this file shows where every request goes.
 */
import type { MetricsCollector } from '../../engine/metrics/metrics-collector'
import type { Capabilities, RequestOf } from '../ipc/contract'
import { HostErrorCode } from '../ipc/contract'
import type { MethodHandlers } from '../ipc/host-endpoint'
import type { StreamHub } from '../ipc/stream-hub'
import { hostError } from '../ipc/studio-error'
import type { D2Service } from './d2/d2-service'
import { analyze } from './documents/analyze'
import type { DocumentManager } from './documents/document-manager'
import type { DraftStore } from './documents/draft-store'
import type { ExampleLibrary } from './documents/examples'
import { importPython } from './documents/python-import'
import type { RecentFiles } from './documents/recent-files'
import type { WorkspaceBrowser } from './documents/workspace-browser'
import type { PathPolicy } from './files/path-policy'
import type { JobDetails } from './jobs/job-details'
import type { JobManager } from './jobs/job-manager'
import type { PausedJobs } from './jobs/paused-jobs'
import type { SnapshotStore } from './jobs/snapshot-store'
import type { MetricsEndpoint } from './metrics/metrics-endpoint'
import type { RegistryManager } from './registry/registry-manager'

/** Native file dialogs (desktop only); answers are absolute paths, or null when cancelled. */
export interface DialogProvider {
  open(request: RequestOf<'dialog.open'>): Promise<string | null>
  save(request: RequestOf<'dialog.save'>): Promise<string | null>
}

/** Window integration of the desktop shell. */
export interface ShellHooks {
  setDocumentState(state: RequestOf<'app.setDocumentState'>): void
}

/** Facts about this host that `app.info` reports, plus the shell's optional integrations. */
export interface HandlerOptions {
  readonly version: string
  readonly appDataDir: string
  readonly capabilities: Capabilities
  readonly maxMessageBytes: number
  readonly menuKeys: readonly string[]
  readonly dialogs?: DialogProvider
  readonly shell?: ShellHooks
}

export interface HandlerDeps {
  readonly options: HandlerOptions
  readonly hub: StreamHub
  readonly policy: PathPolicy
  readonly documents: DocumentManager
  readonly drafts: DraftStore
  readonly recent: RecentFiles
  readonly registry: RegistryManager
  readonly jobs: JobManager
  readonly workspace: WorkspaceBrowser
  readonly examples: ExampleLibrary
  readonly d2: D2Service
  readonly details: JobDetails
  readonly snapshots: SnapshotStore
  readonly paused: PausedJobs
  readonly metrics: MetricsCollector
  readonly metricsEndpoint: MetricsEndpoint
}

export function createHandlers(deps: HandlerDeps): MethodHandlers {
  const { options, hub, policy, documents, drafts, recent, registry, jobs } = deps
  const { workspace, examples, d2, details, snapshots, paused, metrics, metricsEndpoint } = deps
  const dialogs = () => {
    if (!options.dialogs)
      throw hostError(HostErrorCode.UNSUPPORTED, 'Native dialogs are not available in web mode')
    return options.dialogs
  }
  const granted = (absolute: string | null) => {
    if (absolute === null) return { path: null }
    policy.grant(absolute)
    return { path: policy.toDocPath(absolute) }
  }
  const overlay = (jobId: string | undefined) => (jobId === undefined ? undefined : jobs.overlay(jobId))

  return {
    'app.info': (_request, context) => ({
      name: 'Routilux Studio',
      version: options.version,
      transport: context.transport,
      platform: process.platform,
      capabilities: options.capabilities,
      workspaceRoot: policy.kind === 'workspace' ? policy.root : null,
      appDataDir: options.appDataDir,
      pluginsDir: registry.state().pluginsDir,
      maxMessageBytes: options.maxMessageBytes,
      menuKeys: options.menuKeys,
    }),
    'app.setDocumentState': (request) => {
      options.shell?.setDocumentState(request)
      return null
    },

    'registry.describe': () => registry.state(),
    'registry.reloadPlugins': async () => {
      const state = await registry.reload()
      hub.publish('registry.changed', state)
      return state
    },

    'document.new': (request) => documents.create(request.name),
    'document.open': (request) => documents.open(request.path),
    'document.save': (request) => documents.save(request),
    'document.saveAs': (request) => documents.saveAs(request),
    'document.close': async (request) => {
      await documents.close(request.path)
      return null
    },
    'document.validate': (request) => ({ problems: documents.validate(request.document) }),
    'document.analyze': (request) => analyze(request.document, registry.descriptors()),
    'document.importPython': (request) =>
      importPython(request.source, request.fileName, registry.descriptors()),
    'document.listExamples': async () => ({ examples: await examples.list() }),
    'document.openExample': async (request) => {
      const list = await examples.list()
      const name = list.find((e) => e.id === request.id)?.name ?? request.id
      return documents.fromText(await examples.read(request.id), { path: null, name })
    },
    'document.recent': async () => ({ entries: await recent.list() }),
    'document.clearRecent': async () => {
      await recent.clear()
      return null
    },

    'workspace.list': (request) => workspace.list(request.dir),
    'workspace.createFolder': (request) => workspace.createFolder(request.path),

    'dialog.open': async (request) => granted(await dialogs().open(request)),
    'dialog.save': async (request) => granted(await dialogs().save(request)),

    'draft.put': (request) => drafts.put(request),
    'draft.list': async () => ({ drafts: await drafts.list() }),
    'draft.recover': (request) => drafts.recover(request.draftId),
    'draft.discard': async (request) => {
      await drafts.discard(request.draftId)
      return null
    },

    'd2.export': (request) => ({
      text: d2.exportText(request.document, request.style, overlay(request.overlayJobId)),
    }),
    'd2.render': async (request) => ({ svg: await d2.renderSvg(request.text) }),
    'd2.save': async (request) => {
      const text = d2.exportText(request.document, request.style, overlay(request.overlayJobId))
      const content = request.format === 'svg' ? await d2.renderSvg(text) : text
      return { path: await documents.writeExport(request.path, content) }
    },

    'job.start': (request) => ({ job: jobs.start(request) }),
    'job.pause': async (request) => ({ job: await jobs.pause(request.jobId) }),
    'job.resume': async (request) => ({ job: await paused.resume(request.jobId) }),
    'job.cancel': async (request) => ({ job: await paused.cancel(request.jobId) }),
    'job.list': () => ({ jobs: jobs.list() }),
    'job.get': (request) => details.get(request.jobId),
    'job.history': (request) => details.history(request.jobId, request.offset, request.limit),
    'job.events': (request) => details.events(request.jobId, request.afterSeq, request.limit),
    'job.timeline': (request) => ({ spans: details.timeline(request.jobId) }),
    'job.clearFinished': () => {
      jobs.clearFinished()
      return null
    },

    'snapshot.save': (request) => paused.save(request.jobId, request.path),
    'snapshot.list': async () => ({ snapshots: await snapshots.list() }),
    'snapshot.load': (request) => snapshots.load(request.path),
    'snapshot.restore': async (request) => ({ job: await paused.restore(request.path) }),

    'metrics.text': async () => ({ text: await metrics.exportPrometheus() }),
    'metrics.endpoint': () => metricsEndpoint.state(),
    'metrics.setEndpoint': (request) => metricsEndpoint.set(request.enabled, request.port),
  }
}
