/**
 * Job snapshots on disk: a paused (or finished) job's engine snapshot together with the document it
 * ran, so it can be restored — also after a restart — and resumed with nothing lost or repeated.
 * Snapshots saved without a path go to `<app-data>/snapshots/` and are addressed as
 * `@snapshots/<file>`; others are ordinary document paths.
 */
import { readFile, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { z } from 'zod'
import type { FlowDocument } from '../../../engine/document/types'
import { ErrorCode, RoutiluxError } from '../../../engine/errors'
import { JobState } from '../../../engine/job-state'
import type { JobErrorEntry, JobLiveState, JobSummary, SnapshotInfo } from '../../ipc/contract'
import { HostErrorCode } from '../../ipc/contract'
import { flowDocumentSchema } from '../../ipc/schemas'
import { hostError } from '../../ipc/studio-error'
import { listFolder } from '../files/if-present'
import { writeJsonFile } from '../files/json-file'
import type { PathPolicy } from '../files/path-policy'
import { safeFileId } from '../files/safe-name'
import type { JobManager } from './job-manager'

/** Prefix of snapshot paths in the app-data folder. */
export const APP_SNAPSHOTS = '@snapshots/'
const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024

const fileSchema = z.object({
  format: z.literal('routilux-studio-snapshot'),
  version: z.literal(1),
  savedAt: z.number(),
  documentName: z.string(),
  documentPath: z.string().nullable(),
  entry: z.string(),
  document: flowDocumentSchema,
  job: z.looseObject({
    jobId: z.string(),
    flowId: z.string(),
    status: z.enum(['running', 'paused', 'completed', 'failed', 'cancelled']),
    pending: z.array(z.unknown()),
  }),
  /** The overlay counters when the snapshot was saved (absent in files of earlier versions). */
  counters: z.unknown().optional(),
  /** The job's errors so far, with the counters (absent in files of earlier versions). */
  errors: z.unknown().optional(),
  /** The run settings the job was started with instead of the document's. */
  overrides: z
    .object({
      mode: z.enum(['sequential', 'concurrent']).optional(),
      maxWorkers: z.number().int().min(1).optional(),
    })
    .optional(),
})
type SnapshotFile = Omit<z.infer<typeof fileSchema>, 'document'> & { document: FlowDocument }

export class SnapshotStore {
  readonly #dir: string
  readonly #policy: PathPolicy
  readonly #jobs: JobManager

  constructor(dir: string, policy: PathPolicy, jobs: JobManager) {
    this.#dir = dir
    this.#policy = policy
    this.#jobs = jobs
  }

  async save(jobId: string, path: string | undefined): Promise<SnapshotInfo> {
    const live = this.#jobs.live(jobId)
    if (live.job.status === 'running') {
      throw new RoutiluxError(ErrorCode.INVALID_STATE, 'Pause the job before saving its snapshot')
    }
    const file: SnapshotFile = {
      format: 'routilux-studio-snapshot',
      version: 1,
      savedAt: Date.now(),
      documentName: live.documentName,
      documentPath: live.documentPath,
      entry: live.entry,
      document: live.document,
      job: live.job.toJSON() as unknown as SnapshotFile['job'],
      counters: this.#jobs.counters(jobId),
      errors: this.#jobs.errors(jobId),
      overrides: live.overrides,
    }
    const target = path ?? `${APP_SNAPSHOTS}${safeFileId(jobId, 'jobId')}-${file.savedAt}.json`
    await writeJsonFile(await this.#resolve(target), file)
    return info(target, file)
  }

  async list(): Promise<SnapshotInfo[]> {
    const names = await listFolder(this.#dir)
    const out: SnapshotInfo[] = []
    for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.'))) {
      const path = `${APP_SNAPSHOTS}${name}`
      const file = await this.#read(path).catch(() => undefined)
      if (file) out.push(info(path, file))
    }
    return out.sort((a, b) => b.savedAt - a.savedAt)
  }

  async load(path: string): Promise<SnapshotInfo> {
    return info(path, await this.#read(path))
  }

  async restore(path: string): Promise<JobSummary> {
    const file = await this.#read(path)
    const document = file.document
    const job = JobState.fromJSON(file.job)
    const overrides = file.overrides ?? {}
    const flow = this.#jobs.flowFor(document, overrides)
    return this.#jobs.restore(
      flow,
      job,
      { document, documentPath: file.documentPath, entry: file.entry, restoredFrom: path, overrides },
      {
        counters: countersOf(file.counters, job.jobId),
        errors: errorsOf(file.errors),
        pending: queuedIds(file.job.pending),
      },
    )
  }

  /** Deletes a snapshot of the app-data folder (one the studio kept for a paused job). */
  async remove(path: string): Promise<void> {
    if (!path.startsWith(APP_SNAPSHOTS))
      throw new RoutiluxError(ErrorCode.INVALID_ARGUMENT, `Not an app snapshot: ${path}`)
    await rm(await this.#resolve(path), { force: true })
  }

  async #resolve(path: string): Promise<string> {
    if (path.startsWith(APP_SNAPSHOTS))
      return join(this.#dir, safeFileId(path.slice(APP_SNAPSHOTS.length), 'snapshot name'))
    return this.#policy.resolve(path)
  }

  async #read(path: string): Promise<SnapshotFile> {
    const absolute = await this.#resolve(path)
    const size = (await stat(absolute)).size
    if (size > MAX_SNAPSHOT_BYTES)
      throw hostError(HostErrorCode.TOO_LARGE, `Snapshot of ${size} bytes is too large`)
    let value: unknown
    try {
      value = JSON.parse(await readFile(absolute, 'utf8'))
    } catch (error) {
      throw new RoutiluxError(
        ErrorCode.INVALID_SNAPSHOT,
        `${basename(absolute)} is not JSON: ${String(error)}`,
      )
    }
    const parsed = fileSchema.safeParse(value)
    if (!parsed.success) {
      throw new RoutiluxError(
        ErrorCode.INVALID_SNAPSHOT,
        `${basename(absolute)} is not a Routilux Studio snapshot`,
      )
    }
    return parsed.data
  }
}

function info(path: string, file: SnapshotFile): SnapshotInfo {
  return {
    path,
    jobId: file.job.jobId,
    flowId: file.job.flowId,
    documentName: file.documentName,
    documentPath: file.documentPath,
    status: file.job.status,
    savedAt: file.savedAt,
    pendingDeliveries: file.job.pending.length,
  }
}

const routineCountersSchema = z.looseObject({
  status: z.enum([
    'idle',
    'queued',
    'running',
    'retrying',
    'completed',
    'failed',
    'skipped',
    'error_continued',
  ]),
  attempt: z.number(),
  runs: z.number(),
  errors: z.number(),
  retries: z.number(),
  skips: z.number(),
  running: z.number(),
  lastDurationMs: z.number().nullable(),
  avgDurationMs: z.number().nullable(),
  lastError: z.looseObject({ code: z.string(), message: z.string() }).nullable(),
  lastActivityAt: z.number(),
})
const countersSchema = z.looseObject({
  jobId: z.string(),
  routines: z.record(z.string(), routineCountersSchema),
  connections: z.record(
    z.string(),
    z.looseObject({ delivered: z.number(), errors: z.number(), lastDeliveredAt: z.number().nullable() }),
  ),
  totals: z.looseObject({
    events: z.number(),
    deliveries: z.number(),
    emitted: z.number(),
    completed: z.number(),
    errors: z.number(),
    retries: z.number(),
    skips: z.number(),
    inFlight: z.number(),
    queued: z.number(),
  }),
})

/** The saved overlay counters when they are well-formed and belong to the job; else none (counts restart). */
function countersOf(value: unknown, jobId: string): JobLiveState | undefined {
  const parsed = countersSchema.safeParse(value)
  if (!parsed.success || parsed.data.jobId !== jobId) return undefined
  return parsed.data as unknown as JobLiveState
}

const errorsSchema = z.array(
  z.looseObject({
    routineId: z.string().nullable(),
    time: z.number(),
    attempt: z.number().nullable(),
    error: z.looseObject({ code: z.string(), message: z.string() }),
  }),
)

/** The saved errors when they are well-formed; else none. */
function errorsOf(value: unknown): JobErrorEntry[] | undefined {
  const parsed = errorsSchema.safeParse(value)
  return parsed.success ? (parsed.data as unknown as JobErrorEntry[]) : undefined
}

/**
 * Ids of the deliveries a snapshot holds queued: resuming announces them again. Those waiting on a
 * timer (a retry, a delayed emit) are announced when due, as they would have been without a pause.
 */
function queuedIds(pending: readonly unknown[]): number[] {
  const ids: number[] = []
  for (const entry of pending) {
    const spec = entry as { id?: unknown; dueAt?: unknown } | null
    if (typeof spec?.id === 'number' && spec.dueAt === undefined) ids.push(spec.id)
  }
  return ids
}
