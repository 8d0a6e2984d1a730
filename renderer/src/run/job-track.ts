/**
 * What the renderer knows live about one job, folded from the host's `execution.batch` updates.
 * Pure functions over immutable values: an entry keeps its identity when its content did not change,
 * so a node or edge subscribed to its own entry re-renders only when its own numbers move.
 */
import type {
  ConnectionLive,
  JobHeading,
  JobLiveState,
  JobTotals,
  JobUpdate,
  RoutineLive,
  SampledEvent,
} from '../../../electron/ipc/contract'
import type { JobStatus } from '../../../engine/types'

/** A connection as the canvas draws it: the host's counters plus whether traffic is flowing now. */
export interface ConnectionOverlay extends ConnectionLive {
  /** True while deliveries keep arriving (the edge is animated). */
  readonly flowing: boolean
}

/** Job-level facts of a tracked job. */
export interface JobLiveInfo extends JobHeading {
  readonly totals: JobTotals
  /** The host sent the job's last update. */
  readonly final: boolean
  /** Host time of the last batch that concerned the job. */
  readonly hostTime: number
  /** Delay between the host cutting the last batch and the renderer applying it, in ms. */
  readonly lagMs: number
}

export interface JobTrack {
  readonly info: JobLiveInfo
  readonly routines: ReadonlyMap<string, RoutineLive>
  readonly connections: ReadonlyMap<string, ConnectionOverlay>
  /** Sampled events, oldest first, unique and increasing by `seq`, at most `MAX_TRACK_EVENTS`. */
  readonly events: readonly SampledEvent[]
  /** Events the host did not include in batches (still in its `job.events` ring). */
  readonly droppedEvents: number
}

/** Events kept per tracked job (the host's own ring holds the same number). */
export const MAX_TRACK_EVENTS = 5000
/** A connection stays animated this long after its last delivery. */
export const FLOWING_HOLD_MS = 600

/** A job's totals before anything has happened. */
export const ZERO_TOTALS: JobTotals = {
  events: 0,
  deliveries: 0,
  emitted: 0,
  completed: 0,
  errors: 0,
  retries: 0,
  skips: 0,
  inFlight: 0,
  queued: 0,
}

/** A track for a job about which nothing has arrived yet. */
export function emptyTrack(jobId: string, flowId = '', startedAt = 0): JobTrack {
  return {
    info: {
      jobId,
      flowId,
      status: 'running',
      startedAt,
      endedAt: null,
      error: null,
      totals: ZERO_TOTALS,
      final: false,
      hostTime: 0,
      lagMs: 0,
    },
    routines: new Map(),
    connections: new Map(),
    events: [],
    droppedEvents: 0,
  }
}

/**
 * Folds one job update into its track. `receivedAt` is the local clock when the batch arrived and
 * `hostTime` the batch's own time (both epoch ms). A full update replaces the entries; a partial one
 * changes only those it carries.
 */
export function applyJobUpdate(
  track: JobTrack | undefined,
  update: JobUpdate,
  hostTime: number,
  receivedAt: number,
): JobTrack {
  const base = track ?? emptyTrack(update.jobId, update.flowId, update.startedAt)
  const running = update.status === 'running'
  const routines = mergeRoutines(base.routines, update.routines, update.full)
  let connections = mergeConnections(base.connections, update.connections, update.full, running)
  connections = running ? settleFlowing(connections, hostTime, update.connections) : stopFlowing(connections)
  return {
    info: {
      jobId: update.jobId,
      flowId: update.flowId,
      status: update.status,
      startedAt: update.startedAt,
      endedAt: update.endedAt,
      error: update.error,
      totals: update.totals,
      final: base.info.final || update.final,
      hostTime,
      lagMs: Math.max(0, receivedAt - hostTime),
    },
    routines,
    connections,
    events: appendEvents(base.events, update.events),
    droppedEvents: base.droppedEvents + update.droppedEvents,
  }
}

/**
 * Merges a complete live state fetched with `job.get` (which may be older or newer than what the
 * batches brought): per entry, the one with the later activity wins.
 */
export function mergeLiveState(track: JobTrack | undefined, live: JobLiveState, hostTime: number): JobTrack {
  const base = track ?? emptyTrack(live.jobId, live.flowId, live.startedAt)
  const routines = new Map(base.routines)
  for (const [id, entry] of Object.entries(live.routines)) {
    const current = routines.get(id)
    if (!current || entry.lastActivityAt > current.lastActivityAt) routines.set(id, entry)
  }
  const connections = new Map(base.connections)
  for (const [id, entry] of Object.entries(live.connections)) {
    const current = connections.get(id)
    if (!current || entry.delivered > current.delivered || entry.errors > current.errors)
      connections.set(id, { ...entry, flowing: false })
  }
  const newer = live.totals.events >= base.info.totals.events
  const terminal = base.info.final || isTerminal(live.status)
  return {
    ...base,
    info: newer
      ? {
          ...base.info,
          flowId: live.flowId,
          status: terminal && !isTerminal(live.status) ? base.info.status : live.status,
          startedAt: live.startedAt,
          endedAt: live.endedAt,
          error: live.error,
          totals: live.totals,
          final: terminal,
          hostTime: Math.max(base.info.hostTime, hostTime),
        }
      : base.info,
    routines,
    connections,
  }
}

/** Stops animating connections whose last delivery is older than `FLOWING_HOLD_MS` at `hostNow`. */
export function sweepTrack(track: JobTrack, hostNow: number): JobTrack {
  const connections =
    track.info.status === 'running'
      ? settleFlowing(track.connections, hostNow, {})
      : stopFlowing(track.connections)
  return connections === track.connections ? track : { ...track, connections }
}

/** Adds events fetched with `job.events` to the track (only those it does not hold yet). */
export function withFetchedEvents(track: JobTrack, events: readonly SampledEvent[]): JobTrack {
  if (events.length === 0) return track
  const known = new Set(track.events.map((e) => e.seq))
  const merged = [...track.events, ...events.filter((e) => !known.has(e.seq))].sort((a, b) => a.seq - b.seq)
  return { ...track, events: merged.slice(-MAX_TRACK_EVENTS) }
}

export function isTerminal(status: JobStatus): boolean {
  return status === 'completed' || status === 'failed' || status === 'cancelled'
}

function mergeRoutines(
  previous: ReadonlyMap<string, RoutineLive>,
  changes: Readonly<Record<string, RoutineLive>>,
  full: boolean,
): ReadonlyMap<string, RoutineLive> {
  const ids = Object.keys(changes)
  if (!full && ids.length === 0) return previous
  const next = new Map(full ? [] : previous)
  let changed = full && previous.size !== ids.length
  for (const id of ids) {
    const incoming = changes[id] as RoutineLive
    const current = previous.get(id)
    if (current && sameRoutine(current, incoming)) next.set(id, current)
    else {
      next.set(id, incoming)
      changed = true
    }
  }
  return changed ? next : previous
}

function mergeConnections(
  previous: ReadonlyMap<string, ConnectionOverlay>,
  changes: Readonly<Record<string, ConnectionLive>>,
  full: boolean,
  running: boolean,
): ReadonlyMap<string, ConnectionOverlay> {
  const ids = Object.keys(changes)
  if (!full && ids.length === 0) return previous
  const next = new Map(full ? [] : previous)
  let changed = full && previous.size !== ids.length
  for (const id of ids) {
    const incoming = changes[id] as ConnectionLive
    const current = previous.get(id)
    const moved = incoming.delivered > (current?.delivered ?? 0)
    const flowing = running && (moved || (current?.flowing ?? false))
    if (
      current &&
      current.flowing === flowing &&
      current.delivered === incoming.delivered &&
      current.errors === incoming.errors &&
      current.lastDeliveredAt === incoming.lastDeliveredAt
    ) {
      next.set(id, current)
      continue
    }
    next.set(id, { ...incoming, flowing })
    changed = true
  }
  return changed ? next : previous
}

/** Flowing connections not touched by this update and quiet for `FLOWING_HOLD_MS` stop flowing. */
function settleFlowing(
  connections: ReadonlyMap<string, ConnectionOverlay>,
  hostNow: number,
  touched: Readonly<Record<string, unknown>>,
): ReadonlyMap<string, ConnectionOverlay> {
  let next: Map<string, ConnectionOverlay> | undefined
  for (const [id, entry] of connections) {
    if (!entry.flowing || id in touched) continue
    if (entry.lastDeliveredAt !== null && hostNow - entry.lastDeliveredAt < FLOWING_HOLD_MS) continue
    next ??= new Map(connections)
    next.set(id, { ...entry, flowing: false })
  }
  return next ?? connections
}

function stopFlowing(
  connections: ReadonlyMap<string, ConnectionOverlay>,
): ReadonlyMap<string, ConnectionOverlay> {
  let next: Map<string, ConnectionOverlay> | undefined
  for (const [id, entry] of connections) {
    if (!entry.flowing) continue
    next ??= new Map(connections)
    next.set(id, { ...entry, flowing: false })
  }
  return next ?? connections
}

function appendEvents(
  previous: readonly SampledEvent[],
  incoming: readonly SampledEvent[],
): readonly SampledEvent[] {
  if (incoming.length === 0) return previous
  const last = previous.at(-1)?.seq ?? -1
  const fresh = incoming[0] && incoming[0].seq > last ? incoming : incoming.filter((e) => e.seq > last)
  if (fresh.length === 0) return previous
  const merged = previous.concat(fresh)
  return merged.length > MAX_TRACK_EVENTS ? merged.slice(merged.length - MAX_TRACK_EVENTS) : merged
}

/** Field-by-field equality of two routine entries (their only nested values are small). */
function sameRoutine(a: RoutineLive, b: RoutineLive): boolean {
  return (
    a.status === b.status &&
    a.attempt === b.attempt &&
    a.maxAttempts === b.maxAttempts &&
    a.runs === b.runs &&
    a.errors === b.errors &&
    a.retries === b.retries &&
    a.skips === b.skips &&
    a.running === b.running &&
    a.queued === b.queued &&
    a.retryWaiting === b.retryWaiting &&
    a.lastDurationMs === b.lastDurationMs &&
    a.avgDurationMs === b.avgDurationMs &&
    a.lastActivityAt === b.lastActivityAt &&
    sameRecord(a.queueBySlot, b.queueBySlot) &&
    (a.lastError === b.lastError ||
      (a.lastError !== null &&
        b.lastError !== null &&
        a.lastError.code === b.lastError.code &&
        a.lastError.message === b.lastError.message))
  )
}

function sameRecord(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((k) => a[k] === b[k])
}

/** The overlay of a routine the job has not reached (yet): shared, so it never causes a re-render. */
export const IDLE_ROUTINE: RoutineLive = {
  status: 'idle',
  attempt: 0,
  maxAttempts: null,
  runs: 0,
  errors: 0,
  retries: 0,
  skips: 0,
  running: 0,
  queued: 0,
  queueBySlot: {},
  retryWaiting: 0,
  lastDurationMs: null,
  avgDurationMs: null,
  lastError: null,
  lastActivityAt: 0,
}

/**
 * `routines` plus an idle entry for each of `ids` the job has not reached, so every routine of the
 * flow shows a status. Returns `routines` itself when none is missing.
 */
export function withIdleRoutines(
  routines: ReadonlyMap<string, RoutineLive>,
  ids: readonly string[],
): ReadonlyMap<string, RoutineLive> {
  let next: Map<string, RoutineLive> | undefined
  for (const id of ids) {
    if (routines.has(id)) continue
    next ??= new Map(routines)
    next.set(id, IDLE_ROUTINE)
  }
  return next ?? routines
}
