/**
 * Turns the `DocPath`s the renderer sends into absolute paths, and back, under one of two rules:
 *
 * - **workspace** (web mode): paths are relative to the workspace folder, with `/` separators; any
 *   path that would leave it (`..`, absolute paths, symbolic links pointing outside) is refused with
 *   `OUTSIDE_WORKSPACE`.
 * - **granted** (desktop): paths are absolute and must have been granted first — chosen in a native
 *   dialog, passed on the command line, or already in the recent list — or lie inside the workspace
 *   folder. A compromised page therefore cannot read or write arbitrary files.
 */
import { realpath } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { HostErrorCode } from '../../ipc/contract'
import { hostError } from '../../ipc/studio-error'

export interface PathPolicy {
  readonly kind: 'workspace' | 'granted'
  /** The workspace folder (absolute), if any. */
  readonly root: string | null
  /** The absolute path for a `DocPath`; throws `OUTSIDE_WORKSPACE` or `FORBIDDEN`. */
  resolve(docPath: string): Promise<string>
  /** The `DocPath` to hand out for an absolute path. */
  toDocPath(absolute: string): string
  /** Allows an absolute path (desktop: after a dialog, the command line, the recent list). */
  grant(absolute: string): void
}

/** Web mode: everything lives inside `root`. */
export function workspacePolicy(root: string): PathPolicy {
  const base = resolve(root)
  return {
    kind: 'workspace',
    root: base,
    async resolve(docPath) {
      const normalised = docPath.replaceAll('\\', '/')
      if (normalised.startsWith('/') || /^[a-zA-Z]:/.test(normalised)) {
        throw hostError(HostErrorCode.OUTSIDE_WORKSPACE, `Paths are relative to the workspace: ${docPath}`)
      }
      const absolute = resolve(base, normalised)
      if (!isInside(base, absolute)) {
        throw hostError(HostErrorCode.OUTSIDE_WORKSPACE, `Path leaves the workspace: ${docPath}`)
      }
      await assertRealInside(base, absolute, docPath)
      return absolute
    },
    toDocPath(absolute) {
      return relative(base, absolute).split(sep).join('/')
    },
    grant() {
      // Everything inside the workspace is already allowed; nothing outside ever is.
    },
  }
}

/** Desktop: absolute paths the user granted, or anything inside `root` when given. */
export function grantedPolicy(root: string | null): PathPolicy {
  const base = root === null ? null : resolve(root)
  const granted = new Set<string>()
  return {
    kind: 'granted',
    root: base,
    async resolve(docPath) {
      if (!isAbsolute(docPath)) {
        if (base === null) throw hostError(HostErrorCode.FORBIDDEN, `Expected an absolute path: ${docPath}`)
        return workspacePolicy(base).resolve(docPath)
      }
      const absolute = resolve(docPath)
      if (granted.has(absolute)) return absolute
      if (base !== null && isInside(base, absolute)) {
        await assertRealInside(base, absolute, docPath)
        return absolute
      }
      throw hostError(HostErrorCode.FORBIDDEN, `Open or choose the file first: ${docPath}`)
    },
    toDocPath(absolute) {
      return absolute
    },
    grant(absolute) {
      granted.add(resolve(absolute))
    },
  }
}

/** True when `child` is `parent` or inside it (lexically). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child)
  // Only a leading `..` segment leaves: a name such as `..notes.routilux.json` is inside.
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}

/** Follows symbolic links of the deepest existing ancestor and checks it is still inside `base`. */
async function assertRealInside(base: string, absolute: string, docPath: string): Promise<void> {
  // A workspace folder that does not exist yet has no links to follow.
  const realBase = await realpath(base).catch(() => base)
  let probe = absolute
  for (;;) {
    try {
      const real = await realpath(probe)
      const rest = relative(probe, absolute)
      if (!isInside(realBase, rest === '' ? real : join(real, rest))) {
        throw hostError(
          HostErrorCode.OUTSIDE_WORKSPACE,
          `Path leaves the workspace through a link: ${docPath}`,
        )
      }
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      const parent = dirname(probe)
      if (parent === probe) return
      probe = parent
    }
  }
}
