/**
 * Removes temporary files left in a folder by a write that was interrupted (a crash between writing
 * and renaming). Only files in this module's naming scheme whose writer process is gone are touched.
 */
import { unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { TEMP_SUFFIX } from './atomic-write'
import { listFolder } from './if-present'

const TEMP_NAME = /^\..+\.(\d+)-[0-9a-f]{8}\.tmp$/

/** Deletes stale temp files in `dir`; returns their names. `isWriterAlive` decides from the writer's pid. */
export async function sweepTempFiles(
  dir: string,
  isWriterAlive: (pid: number) => boolean = isAlive,
): Promise<string[]> {
  const names = await listFolder(dir)
  const removed: string[] = []
  for (const name of names) {
    if (!name.endsWith(TEMP_SUFFIX)) continue
    const pid = Number(TEMP_NAME.exec(name)?.[1])
    if (!Number.isInteger(pid) || isWriterAlive(pid)) continue
    await unlink(join(dir, name))
    removed.push(name)
  }
  return removed
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
