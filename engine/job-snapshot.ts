/**
 * The versioned JSON form of a job (`JobState.toJSON` / `JobState.fromJSON`): state, history,
 * shared data, output log, slot buffers and every pending delivery (queued, paused, or waiting on a
 * retry or `ctx.defer` timer). Decoding validates the whole shape and reports the first problem with its path.
 */
import { z } from 'zod'
import { ErrorCode, RoutiluxError } from './errors'
import { isRecord } from './payload'
import type { ErrorInfo, ExecutionRecord, JobStatus, OutputEntry, Payload, RoutineState } from './types'

/** Value of `JobSnapshot.format`. */
export const SNAPSHOT_FORMAT = 'routilux-job'
/** Current snapshot version; older versions are migrated on decode when a migration exists. */
export const SNAPSHOT_VERSION = 1

/** A delivery that has not run yet; `dueAt` (epoch ms) marks one waiting on a timer (a retry or `ctx.defer`). */
export interface PendingDeliverySnapshot {
  id: number
  routineId: string
  slot: string
  data: Payload
  /** Payload already merged by an earlier attempt; a retry hands it over again without merging. */
  merged?: Payload
  attempt: number
  connectionId?: string
  dueAt?: number
}

/** The serialised job. */
export interface JobSnapshot {
  format: typeof SNAPSHOT_FORMAT
  version: typeof SNAPSHOT_VERSION
  jobId: string
  flowId: string
  status: JobStatus
  createdAt: number
  startedAt?: number
  endedAt?: number
  entry?: { routineId: string; slot: string }
  error?: ErrorInfo
  routineStates: Record<string, RoutineState>
  history: ExecutionRecord[]
  /** `maxSize` null = unbounded (JSON has no Infinity). */
  historyLimits: { maxSize: number | null; ttlMs: number }
  shared: Payload
  output: OutputEntry[]
  /** routineId → slot → buffered payload (append and custom merges). */
  slotBuffers: Record<string, Record<string, Payload>>
  pending: PendingDeliverySnapshot[]
  nextDeliveryId: number
  /**
   * The job timeout (`execute(…, { timeoutMs })`) of an unfinished job: the full limit and the
   * budget left when the snapshot was taken. A restored job gets `remainingMs` from its resume on;
   * time spent outside any process (between save and resume) does not count.
   */
  timeout?: JobTimeoutSnapshot
}

/** The job timeout carried by a snapshot. */
export interface JobTimeoutSnapshot {
  limitMs: number
  remainingMs: number
}

const payload = z.custom<Payload>(isRecord, 'expected an object')
const count = z.number().int().nonnegative()
const time = z.number().finite()
const errorInfo = z.object({
  code: z.string(),
  message: z.string(),
  name: z.string().optional(),
  stack: z.string().optional(),
  routineId: z.string().optional(),
  slot: z.string().optional(),
  details: payload.optional(),
})
const routineState = z.object({
  status: z.enum(['idle', 'running', 'completed', 'failed', 'skipped', 'error_continued']),
  runs: count,
  errors: count,
  retries: count,
  skips: count,
  lastError: errorInfo.optional(),
  startedAt: time.optional(),
  endedAt: time.optional(),
  lastDurationMs: z.number().nonnegative().optional(),
  totalDurationMs: z.number().nonnegative(),
})
const record = z.object({ routineId: z.string(), event: z.string(), data: payload, timestamp: time })
const output = z.object({
  routineId: z.string(),
  level: z.enum(['debug', 'info', 'warn', 'error']),
  message: z.string(),
  data: payload.optional(),
  timestamp: time,
})
const pending = z.object({
  id: z.number().int().positive(),
  routineId: z.string(),
  slot: z.string(),
  data: payload,
  merged: payload.optional(),
  attempt: z.number().int().positive(),
  connectionId: z.string().optional(),
  dueAt: time.optional(),
})
const schema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  jobId: z.string().min(1),
  flowId: z.string(),
  status: z.enum(['running', 'paused', 'completed', 'failed', 'cancelled']),
  createdAt: time,
  startedAt: time.optional(),
  endedAt: time.optional(),
  entry: z.object({ routineId: z.string(), slot: z.string() }).optional(),
  error: errorInfo.optional(),
  routineStates: z.record(z.string(), routineState),
  history: z.array(record),
  historyLimits: z.object({ maxSize: count.nullable(), ttlMs: z.number().nonnegative() }),
  shared: payload,
  output: z.array(output),
  slotBuffers: z.record(z.string(), z.record(z.string(), payload)),
  pending: z.array(pending),
  nextDeliveryId: z.number().int().positive(),
  timeout: z
    .object({ limitMs: z.number().finite().positive(), remainingMs: z.number().finite().nonnegative() })
    .refine((t) => t.remainingMs <= t.limitMs, 'remainingMs exceeds limitMs')
    .optional(),
})

function invalid(message: string, path = ''): never {
  throw new RoutiluxError(
    ErrorCode.INVALID_SNAPSHOT,
    `invalid job snapshot${path ? ` at ${path}` : ''}: ${message}`,
    {
      path,
    },
  )
}

/** Validates `input` as a job snapshot; anything else throws `RoutiluxError` `INVALID_SNAPSHOT`. */
export function decodeJobSnapshot(input: unknown): JobSnapshot {
  if (!isRecord(input)) invalid('expected an object')
  if (input.format !== SNAPSHOT_FORMAT) invalid(`format must be "${SNAPSHOT_FORMAT}"`, 'format')
  if (typeof input.version !== 'number' || input.version > SNAPSHOT_VERSION || input.version < 1) {
    invalid(`unsupported version ${JSON.stringify(input.version)}`, 'version')
  }
  const result = schema.safeParse(input)
  if (!result.success) {
    const issue = result.error.issues[0]
    invalid(issue?.message ?? 'malformed', (issue?.path ?? []).map(String).join('.'))
  }
  const snapshot = result.data as JobSnapshot
  const ids = new Set<number>()
  snapshot.pending.forEach((delivery, index) => {
    if (ids.has(delivery.id)) invalid(`duplicate delivery id ${delivery.id}`, `pending.${index}.id`)
    ids.add(delivery.id)
    if (delivery.id >= snapshot.nextDeliveryId) {
      invalid('delivery id not below nextDeliveryId', `pending.${index}.id`)
    }
  })
  return snapshot
}
