/**
 * Per-job state of stateful built-ins (Aggregator, Batcher, Debouncer, Join). It lives in the job's
 * shared data under a namespaced key, so two jobs never mix, the state is part of job snapshots,
 * and a routine instance stays stateless.
 */
import type { RoutineContext } from '../../../context'
import type { Payload } from '../../../types'

/** Prefix of the shared-data keys holding routine state (`$state:<routineId>`). */
export const STATE_KEY_PREFIX = '$state:'

/** The JSON-serialisable state of this routine in this job, created by `init` on first use. */
export function routineState<T extends Payload>(ctx: RoutineContext, init: () => T): T {
  const key = `${STATE_KEY_PREFIX}${ctx.routineId}`
  const shared = ctx.job.shared as Payload
  const existing = shared[key]
  if (typeof existing === 'object' && existing !== null && !Array.isArray(existing)) return existing as T
  const created = init()
  shared[key] = created
  return created
}
