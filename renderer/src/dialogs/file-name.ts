/** Checks file names in the workspace browser: names typed to save under, files offered to open. */
import { DOCUMENT_EXTENSION } from '../../../engine/document/types'

/** Why `name` cannot be used as a file name in the browser's folder, or null when it can. */
export function fileNameError(name: string): string | null {
  if (name === '') return 'Enter a file name.'
  // A backslash is a folder separator on Windows, and the host reads it as one everywhere.
  if (name.includes('/') || name.includes('\\')) return 'Enter a file name without folders.'
  // The browser hides dot files (the studio's own temporary files are among them).
  if (name.startsWith('.')) return 'A file name cannot start with a dot: the file would be hidden.'
  return null
}

/** Files the Open dialog lists: JSON files, and the backup a save keeps of a flow's previous version. */
export function isOpenable(name: string): boolean {
  return name.endsWith('.json') || name.endsWith(`${DOCUMENT_EXTENSION}.bak`)
}

/** The path a flow is saved under: the typed name with the document extension, added only once. */
export function flowFilePath(path: string): string {
  if (path.endsWith(DOCUMENT_EXTENSION)) return path
  return `${path.replace(/(\.routilux)?(\.json)?$/, '')}${DOCUMENT_EXTENSION}`
}
