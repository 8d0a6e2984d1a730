/**
 * Test shorthand for built-ins: instantiate a type from the built-in registry and deliver to it.
 */
import type { Payload } from '../../../types'
import { RoutineRegistry } from '../../registry'
import { type RunSlotOptions, runSlot, type SlotRun } from '../../test-support'
import { builtinRoutines } from '../catalog'

const registry = new RoutineRegistry(builtinRoutines)

/** Delivers `data` to `slot` of a fresh `type` routine with `config` (defaults applied). */
export async function deliver(
  type: string,
  config: Payload,
  slot: string,
  data: Payload,
  options?: RunSlotOptions,
): Promise<SlotRun> {
  const { routine, problems } = registry.instantiate({ type, config })
  if (problems.length > 0) throw new Error(`config problems: ${JSON.stringify(problems)}`)
  return runSlot(routine, slot, data, options)
}

/** The data of the single emit of a run. */
export function only(run: SlotRun): Payload {
  if (run.emits.length !== 1) throw new Error(`expected one emit, got ${run.emits.length}`)
  return (run.emits[0] as { data: Payload }).data
}
