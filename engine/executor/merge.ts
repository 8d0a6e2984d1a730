/**
 * Slot merging, per job. Override hands the handler a copy of the delivery; append hands it every
 * buffered key as a fresh array; a custom merge gets `{}` as `previous` on the job's first delivery
 * to the slot. Validation runs on the merged payload before anything is committed to the buffer.
 */
import { ErrorCode, RoutiluxError } from '../errors'
import type { JobCore } from '../job-state'
import { isRecord } from '../payload'
import type { Payload } from '../types'
import type { Delivery } from './state'

function bufferOf(core: JobCore, routineId: string, slot: string): Payload | undefined {
  return core.buffers.get(routineId)?.get(slot)
}

function storeBuffer(core: JobCore, routineId: string, slot: string, buffer: Payload): void {
  let slots = core.buffers.get(routineId)
  if (slots === undefined) {
    slots = new Map()
    core.buffers.set(routineId, slots)
  }
  slots.set(slot, buffer)
}

function appendView(previous: Payload | undefined, incoming: Payload): Payload {
  const view: Payload = {}
  if (previous !== undefined) {
    for (const key in previous) view[key] = (previous[key] as unknown[]).slice()
  }
  for (const key in incoming) {
    const list = view[key] as unknown[] | undefined
    if (list === undefined) view[key] = [incoming[key]]
    else list.push(incoming[key])
  }
  return view
}

function commitAppend(core: JobCore, d: Delivery, previous: Payload | undefined): void {
  const buffer = previous ?? {}
  const incoming = d.data
  for (const key in incoming) {
    const list = buffer[key] as unknown[] | undefined
    if (list === undefined) buffer[key] = [incoming[key]]
    else list.push(incoming[key])
  }
  if (previous === undefined) storeBuffer(core, d.link.routineId, d.link.slot.name, buffer)
}

/**
 * The payload for `d`'s handler: merged, validated and committed to the job's slot buffer.
 * Throws `VALIDATION_FAILED` (nothing merged) or the custom merge function's error.
 */
export function prepareInput(core: JobCore, d: Delivery): Payload {
  if (d.merged !== undefined) {
    return { ...d.merged }
  }
  const slot = d.link.slot
  const merge = slot.merge
  let input: Payload
  if (merge === 'override') {
    input = { ...d.data }
    slot.validator?.validate(input)
  } else if (merge === 'append') {
    const previous = bufferOf(core, d.link.routineId, slot.name)
    input = appendView(previous, d.data)
    slot.validator?.validate(input)
    commitAppend(core, d, previous)
  } else {
    const previous = bufferOf(core, d.link.routineId, slot.name)
    const result = merge(previous === undefined ? {} : { ...previous }, { ...d.data })
    if (!isRecord(result)) {
      throw new RoutiluxError(
        ErrorCode.HANDLER_ERROR,
        `merge function of slot "${slot.name}" must return an object`,
        {
          routineId: d.link.routineId,
          slot: slot.name,
        },
      )
    }
    input = result
    slot.validator?.validate(input)
    storeBuffer(core, d.link.routineId, slot.name, { ...result })
  }
  return input
}
