/**
 * Lists and creates folders inside the workspace for the renderer's file browser (web mode). Every
 * path goes through the workspace path policy, so nothing outside the workspace is reachable.
 */
import { mkdir, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { DOCUMENT_EXTENSION } from '../../../engine/document/types'
import type { WorkspaceEntry } from '../../ipc/contract'
import { HostErrorCode } from '../../ipc/contract'
import { hostError } from '../../ipc/studio-error'
import type { PathPolicy } from '../files/path-policy'

/** Entries beyond this many are not listed (a folder of that size is not a flow workspace). */
const MAX_ENTRIES = 5000

export class WorkspaceBrowser {
  readonly #policy: PathPolicy

  constructor(policy: PathPolicy) {
    this.#policy = policy
  }

  async list(dir: string): Promise<{ dir: string; entries: WorkspaceEntry[] }> {
    const absolute = await this.#resolveDir(dir)
    const dirents = (await readdir(absolute, { withFileTypes: true })).slice(0, MAX_ENTRIES)
    const entries: WorkspaceEntry[] = []
    for (const dirent of dirents) {
      // Hidden files include the studio's own temp and backup siblings.
      if (dirent.name.startsWith('.')) continue
      const full = join(absolute, dirent.name)
      // A dangling link or an entry removed meanwhile is simply not listed.
      const info = await stat(full).catch(() => undefined)
      if (!info || !(info.isFile() || info.isDirectory())) continue
      entries.push({
        name: dirent.name,
        path: this.#policy.toDocPath(full),
        kind: info.isDirectory() ? 'directory' : 'file',
        size: info.isDirectory() ? 0 : info.size,
        modifiedAt: info.mtimeMs,
        isFlow: info.isFile() && dirent.name.endsWith(DOCUMENT_EXTENSION),
      })
    }
    entries.sort((a, b) =>
      a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'directory' ? -1 : 1,
    )
    return { dir: this.#policy.toDocPath(absolute), entries }
  }

  async createFolder(path: string): Promise<{ path: string }> {
    const absolute = await this.#policy.resolve(path)
    await mkdir(absolute, { recursive: true })
    return { path: this.#policy.toDocPath(absolute) }
  }

  async #resolveDir(dir: string): Promise<string> {
    if (this.#policy.kind !== 'workspace' || this.#policy.root === null) {
      throw hostError(HostErrorCode.UNSUPPORTED, 'This host has no workspace folder; use the file dialogs')
    }
    if (dir === '' || dir === '.') return this.#policy.root
    return this.#policy.resolve(dir)
  }
}
