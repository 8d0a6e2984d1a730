/**
 * Validates flow documents off the main thread, so checking a flow of thousands of routines after
 * an edit never stalls the canvas. Messages: `{ seq, doc, descriptors? }` in, `{ seq, problems }` out.
 */
import type { FlowDocument, Problem } from '../../../engine/document/types'
import type { RoutineTypeDescriptor } from '../../../engine/routines/descriptor'
import { checkFlow } from './check-flow'

interface Scope {
  onmessage: ((event: { data: ValidationRequest }) => void) | null
  postMessage(message: ValidationResponse): void
}

export interface ValidationRequest {
  readonly seq: number
  readonly doc: FlowDocument
  /** Sent only when they changed; the worker keeps the last ones. */
  readonly descriptors?: readonly RoutineTypeDescriptor[]
}

export interface ValidationResponse {
  readonly seq: number
  readonly problems: Problem[]
}

const scope = globalThis as unknown as Scope
let descriptors: readonly RoutineTypeDescriptor[] = []

scope.onmessage = ({ data }) => {
  if (data.descriptors) descriptors = data.descriptors
  scope.postMessage({ seq: data.seq, problems: checkFlow(data.doc, descriptors) })
}
