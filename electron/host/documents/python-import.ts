/**
 * `document.importPython`: converts a Python Routilux flow into an untitled document.
 */
import type { OpenedDocument } from '../../ipc/contract'
import { HostErrorCode } from '../../ipc/contract'
import { hostError } from '../../ipc/studio-error'
import type { DocumentManager } from './document-manager'

export function importPython(
  _documents: DocumentManager,
  _source: string,
  fileName?: string,
): OpenedDocument {
  throw hostError(
    HostErrorCode.UNSUPPORTED,
    `Importing Python flows is not available in this build (${fileName ?? 'source'})`,
  )
}
