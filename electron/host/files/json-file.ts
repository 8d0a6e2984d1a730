/**
 * Small JSON files in the app-data folder (recent list, job history, window state): read with a
 * fallback when missing or corrupt, written atomically.
 */
import { dirname } from 'node:path'
import { writeFileAtomic } from './atomic-write'
import { type FsOps, nodeFs } from './fs-ops'
import { readTextIfPresent } from './if-present'

/** The parsed file, or `fallback` when it is missing or not valid JSON (a corrupt file is reported). */
export async function readJsonFile(
  path: string,
  fallback: unknown,
  onCorrupt?: (error: unknown) => void,
): Promise<unknown> {
  const text = await readTextIfPresent(path)
  if (text === undefined) return fallback
  try {
    return JSON.parse(text)
  } catch (error) {
    onCorrupt?.(error)
    return fallback
  }
}

/** Writes `value` as pretty JSON, atomically, creating the folder if needed. */
export async function writeJsonFile(path: string, value: unknown, fs: FsOps = nodeFs): Promise<void> {
  await fs.mkdir(dirname(path), { recursive: true })
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`, { fs })
}
