/**
 * File reads for places where a missing file or folder is an ordinary state (no drafts yet, no
 * snapshots saved, no examples installed), not an error. Any other failure still throws.
 */
import { readdir, readFile } from 'node:fs/promises'

/** True when `error` says the file or folder does not exist. */
export function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
}

/** The names in `dir`, or none when the folder does not exist. */
export async function listFolder(dir: string): Promise<string[]> {
  try {
    return await readdir(dir)
  } catch (error) {
    if (isMissing(error)) return []
    throw error
  }
}

/** The file's text, or undefined when it does not exist. */
export async function readTextIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if (isMissing(error)) return undefined
    throw error
  }
}
