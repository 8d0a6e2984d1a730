/**
 * State and actions of the run slice (see run-slice.ts): run controls, the job the canvas and the
 * run panel show (its overlays, event log and live facts), the job list, snapshots and the metrics
 * endpoint. The canvas reads per-routine and per-connection overlays from Maps by id.
 */
import type {
  EventPage,
  ExecutionBatch,
  JobDetail,
  JobSummary,
  JobUpdate,
  MetricsEndpointState,
  RoutineLive,
  SampledEvent,
  SnapshotInfo,
  TimelineSpan,
} from '../../../electron/ipc/contract'
import type { ConnectionOverlay, JobLiveInfo } from '../run/job-track'
import type { MetricSeries } from '../run/metric-series'

/** Run settings chosen in the run controls (kept while the studio is open). */
export interface RunForm {
  /** Entry routine id; null = the default entry (see `defaultEntry`). */
  readonly entry: string | null
  /** Entry slot; null = `trigger` when the routine has one, else its first slot. */
  readonly slot: string | null
  /** Entry parameters as JSON text. */
  readonly paramsText: string
  /** `document` keeps the document's execution mode. */
  readonly mode: 'document' | 'sequential' | 'concurrent'
  /** Max workers as typed; empty = the document's setting. */
  readonly maxWorkers: string
}

/** A batch with the local time it arrived. */
export interface ReceivedBatch {
  readonly batch: ExecutionBatch
  readonly receivedAt: number
}

export type RunPanelTab = 'jobs' | 'timeline' | 'events' | 'details' | 'metrics' | 'snapshots'

/** What the run controls are doing right now. */
export type RunBusy = null | 'start' | 'pause' | 'resume' | 'cancel' | 'snapshot' | 'restore'

export interface RunSlice {
  /** The job the canvas overlays and the run panel show, if any. */
  overlayJobId: string | null
  /** Live facts of that job (status, totals, error), null until its first update. */
  focusInfo: JobLiveInfo | null
  /** Per-routine overlays of that job (empty when cleared, or when the job ran another flow). */
  routineLive: ReadonlyMap<string, RoutineLive>
  /** Per-connection overlays of that job. */
  connectionLive: ReadonlyMap<string, ConnectionOverlay>
  /** Sampled events of that job, oldest first. */
  eventLog: readonly SampledEvent[]
  droppedEvents: number
  /** Keep the overlays on the canvas after a run ends (otherwise they clear when it ends). */
  keepOverlays: boolean
  jobs: readonly JobSummary[]
  runForm: RunForm
  runBusy: RunBusy
  runPanelTab: RunPanelTab
  snapshots: readonly SnapshotInfo[]
  metricsEndpoint: MetricsEndpointState | null

  /** Applies one `execution.batch` (`receivedAt`: local clock on arrival). */
  applyBatch(batch: ExecutionBatch, receivedAt?: number): void
  /**
   * Applies several batches in order and publishes once: the stream link hands over everything that
   * arrived since the last frame, so a page that fell behind catches up with one render.
   */
  applyBatches(batches: readonly ReceivedBatch[]): void
  /** Applies one job update from a batch cut at `hostTime`. */
  applyJobUpdate(update: JobUpdate, hostTime?: number, receivedAt?: number): void
  /** Stops edge animations whose traffic ended (called on a timer; batches stop when jobs idle). */
  sweepOverlays(now?: number): void
  /** Re-derives the overlays (after the open document changed: overlays show only on their own flow). */
  syncOverlays(): void
  /** Shows `jobId` on the canvas and in the run panel, fetching what the batches did not bring. */
  focusJob(jobId: string | null): Promise<void>
  clearOverlays(): void
  setKeepOverlays(keep: boolean): void
  setRunForm(patch: Partial<RunForm>): void
  setRunPanelTab(tab: RunPanelTab): void
  /** Starts a run of the open document with the run form's settings; resolves to the job id. */
  startRun(): Promise<string | null>
  pauseRun(): Promise<void>
  resumeRun(): Promise<void>
  cancelRun(): Promise<void>
  setJobs(jobs: readonly JobSummary[]): void
  refreshJobs(): Promise<void>
  clearFinishedJobs(): Promise<void>
  /** Details of a job (shared data, output log, errors) for the run panel. */
  loadJobDetail(jobId: string): Promise<JobDetail>
  loadTimeline(jobId: string): Promise<readonly TimelineSpan[]>
  /** Fetches the host's recent events of the focused job into the event log. */
  loadRecentEvents(): Promise<EventPage | null>
  /** The chart series of a tracked job (read by the charts on their own schedule, not through React). */
  seriesOf(jobId: string): MetricSeries | undefined
  saveSnapshot(): Promise<SnapshotInfo | null>
  refreshSnapshots(): Promise<void>
  /** Restores a snapshot as a paused job and focuses it. */
  restoreSnapshot(path: string): Promise<string | null>
  refreshMetricsEndpoint(): Promise<void>
  setMetricsEndpoint(enabled: boolean): Promise<void>
}
