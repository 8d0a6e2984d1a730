/**
 * The file-system operations the host's safe-write paths use, as one replaceable object. Production
 * passes Node's `fs/promises`; tests pass a copy that fails at a chosen step to simulate a crash.
 */
import * as fsp from 'node:fs/promises'

export interface FsOps {
  open(path: string, flags: string): Promise<fsp.FileHandle>
  rename(from: string, to: string): Promise<void>
  copyFile(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
  mkdir(path: string, options: { recursive: true }): Promise<unknown>
}

/** Node's own file system. */
export const nodeFs: FsOps = {
  open: (path, flags) => fsp.open(path, flags),
  rename: (from, to) => fsp.rename(from, to),
  copyFile: (from, to) => fsp.copyFile(from, to),
  unlink: (path) => fsp.unlink(path),
  mkdir: (path, options) => fsp.mkdir(path, options),
}
