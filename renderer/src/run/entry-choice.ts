/**
 * Which routine a run starts from. The default is the flow's trigger: a routine with a `trigger` slot
 * and no incoming connections; failing that, the first routine nothing connects into.
 */
import type { FlowDocument } from '../../../engine/document/types'
import { type RoutineTypeDescriptor, resolvePorts } from '../../../engine/routines/descriptor'

export const DEFAULT_ENTRY_SLOT = 'trigger'

export interface EntryCandidate {
  readonly routineId: string
  readonly label: string
  /** The routine's public input slots, in type order. */
  readonly slots: readonly string[]
  readonly incoming: number
}

/** Every routine with at least one input slot, in document order. */
export function entryCandidates(
  doc: FlowDocument,
  descriptors: ReadonlyMap<string, RoutineTypeDescriptor>,
): EntryCandidate[] {
  const incoming = new Map<string, number>()
  for (const c of doc.connections) incoming.set(c.target.routine, (incoming.get(c.target.routine) ?? 0) + 1)
  const candidates: EntryCandidate[] = []
  for (const routine of doc.routines) {
    const descriptor = descriptors.get(routine.type)
    if (!descriptor) continue
    const slots = resolvePorts(descriptor, routine.config).slots.map((s) => s.name)
    if (slots.length === 0) continue
    const title = routine.title ?? descriptor.title
    candidates.push({
      routineId: routine.id,
      label: title === routine.id ? routine.id : `${title} (${routine.id})`,
      slots,
      incoming: incoming.get(routine.id) ?? 0,
    })
  }
  return candidates
}

/** The entry a run uses when the user has not picked one; null when the flow has no candidate. */
export function defaultEntry(candidates: readonly EntryCandidate[]): EntryCandidate | null {
  return (
    candidates.find((c) => c.incoming === 0 && c.slots.includes(DEFAULT_ENTRY_SLOT)) ??
    candidates.find((c) => c.slots.includes(DEFAULT_ENTRY_SLOT)) ??
    candidates.find((c) => c.incoming === 0) ??
    null
  )
}

/** The slot a run enters `candidate` through: `trigger` when it has one, else its first slot. */
export function entrySlot(candidate: EntryCandidate): string {
  return candidate.slots.includes(DEFAULT_ENTRY_SLOT)
    ? DEFAULT_ENTRY_SLOT
    : (candidate.slots[0] ?? DEFAULT_ENTRY_SLOT)
}
