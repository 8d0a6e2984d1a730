/**
 * `document.importPython`: converts a flow serialised by Python Routilux (`Flow.serialize()` JSON)
 * into an untitled document, with problems for whatever could not be converted.
 */
import { parsePythonFlow } from '../../../engine/document/python-import'
import type { RoutineTypeDescriptor } from '../../../engine/routines/descriptor'
import type { OpenedDocument } from '../../ipc/contract'

/** Name shown for an import: the file name without extensions, else the flow's own name. */
function importName(fileName: string | undefined, fallback: string): string {
  return fileName?.replace(/\.[^.]*$/, '').replace(/\.py$/, '') || fallback
}

export function importPython(
  source: string,
  fileName: string | undefined,
  descriptors: readonly RoutineTypeDescriptor[],
): OpenedDocument {
  const result = parsePythonFlow(source, { descriptors })
  const name = importName(fileName, result.document?.name ?? 'Imported flow')
  return result.document
    ? { path: null, name, document: result.document, problems: result.problems, modifiedAt: null }
    : {
        path: null,
        name,
        document: null,
        problems: result.problems,
        text: source.slice(0, 1024 * 1024),
        modifiedAt: null,
      }
}
