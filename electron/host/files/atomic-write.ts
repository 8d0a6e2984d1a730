/**
 * Crash-safe file replacement: the new content goes to a temporary file in the same folder, is
 * flushed to disk (fsync), and only then renamed over the target, so a crash at any point leaves
 * either the old file or the new one, never a torn mix. With `backup`, the previous version is kept
 * as `<file>.bak` (itself replaced atomically). The new file keeps the permission bits of the one
 * it replaces, so a private file does not become readable by others by being saved.
 */
import { randomBytes } from 'node:crypto'
import { realpath, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { type FsOps, nodeFs } from './fs-ops'

export interface AtomicWriteOptions {
  /** Keep the previous version as `<target>.bak`. */
  readonly backup?: boolean
  readonly fs?: FsOps
}

/** Suffix of the temporary files this module writes (stale ones are swept by `sweepTempFiles`). */
export const TEMP_SUFFIX = '.tmp'

/** Name of the temporary sibling used while writing `target`. */
export function tempPathFor(target: string): string {
  return join(
    dirname(target),
    `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`,
  )
}

/** Replaces `target` with `data` atomically. */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
) {
  const fs = options.fs ?? nodeFs
  // Through a symbolic link the file it points to is replaced, not the link (the path policy has
  // already checked where it points).
  const target = await realpath(path).catch(() => path)
  const temp = tempPathFor(target)
  const mode = await stat(target).then(
    (info) => (info.isFile() ? info.mode & 0o7777 : undefined),
    () => undefined,
  )
  try {
    await writeAndSync(fs, temp, data, mode)
    if (options.backup) await backupExisting(fs, target)
    await fs.rename(temp, target)
  } catch (error) {
    // The temp file may never have been created; the original error is the one that matters.
    await fs.unlink(temp).catch(() => undefined)
    throw error
  }
  await syncDirectory(fs, dirname(target))
}

async function writeAndSync(
  fs: FsOps,
  path: string,
  data: string | Uint8Array,
  mode: number | undefined,
): Promise<void> {
  const handle = await fs.open(path, 'wx')
  try {
    if (mode !== undefined) await handle.chmod(mode)
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

async function backupExisting(fs: FsOps, target: string): Promise<void> {
  const backup = `${target}.bak`
  const temp = tempPathFor(backup)
  try {
    await fs.copyFile(target, temp)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  await fs.rename(temp, backup)
}

/** Flushes the folder entry so the rename itself survives a power cut (not possible on Windows). */
async function syncDirectory(fs: FsOps, dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await fs.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
