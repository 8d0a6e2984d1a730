/**
 * Everything the editor checks live: the document's structure and references (the loader's
 * validation), the analyzer's findings (entry points, unreachable routines, unconnected ports,
 * configs against their types) and the code inside configs (scripts, expressions).
 */
import { analyzeDocument } from '../../../engine/document/analyze'
import { validateDocument } from '../../../engine/document/load'
import type { FlowDocument, Problem } from '../../../engine/document/types'
import type { RoutineTypeDescriptor } from '../../../engine/routines/descriptor'
import { checkCodeFields } from './code-checks'

/** All problems of `doc`, without duplicates, in a stable order. */
export function checkFlow(doc: FlowDocument, descriptors: readonly RoutineTypeDescriptor[]): Problem[] {
  const structural = validateDocument(doc, descriptors.length > 0 ? { descriptors } : {})
  // The analyzer needs a structurally valid document; a broken one is reported by the loader alone.
  if (structural.some((p) => p.code === 'DOC_SCHEMA' && p.severity === 'error')) return structural
  const index = new Map(descriptors.map((d) => [d.type, d]))
  const analysis = analyzeDocument(doc, {
    ...(descriptors.length > 0 && { descriptors }),
    validateConfig: (routine, i) => checkCodeFields(routine, i, index.get(routine.type)),
  })
  const seen = new Set<string>()
  const out: Problem[] = []
  for (const p of [...structural, ...analysis.problems]) {
    const key = `${p.code}\u0000${p.location.path}\u0000${p.message}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(p)
  }
  return out
}
