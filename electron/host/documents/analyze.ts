/**
 * `document.analyze`: the engine's workflow analysis with the host's current routine descriptors,
 * reduced to what the editor and run controls use.
 */
import { analyzeDocument } from '../../../engine/document/analyze'
import type { FlowDocument } from '../../../engine/document/types'
import type { RoutineTypeDescriptor } from '../../../engine/routines/descriptor'
import type { ResponseOf } from '../../ipc/contract'

export function analyze(
  document: FlowDocument,
  descriptors: readonly RoutineTypeDescriptor[],
): ResponseOf<'document.analyze'> {
  const analysis = analyzeDocument(document, { descriptors })
  return {
    problems: analysis.problems,
    entryPoints: analysis.entryPoints,
    unreachable: analysis.unreachable,
    cycles: analysis.cycles,
  }
}
