/**
 * Loads routine types from a plugins folder, at host start and on demand. Each plugin is an ES
 * module exporting definitions (docs/plugins.md). A broken plugin — a syntax error, a throw on
 * import, an invalid definition, a duplicate type id — is reported with its path and error, and the
 * other plugins still load.
 */
import { stat } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { ErrorCode } from '../../errors'
import type { RoutineDefinition } from '../../routines/definition'
import { definitionProblems } from '../../routines/validate-definition'
import { discoverPlugins } from './discover'
import { type PluginExport, pluginApi } from './plugin-api'

/** A plugin that could not be (fully) loaded. */
export interface PluginProblem {
  readonly code: typeof ErrorCode.PLUGIN_ERROR | typeof ErrorCode.DUPLICATE_TYPE
  /** The plugin file (or folder) concerned. */
  readonly file: string
  readonly message: string
  /** The type id concerned, when known. */
  readonly type?: string
}

/** Result of `loadPlugins`. */
export interface LoadedPlugins {
  /** Valid definitions, each with `source: { plugin: file }`. */
  readonly definitions: RoutineDefinition[]
  readonly problems: PluginProblem[]
}

/** Options of `loadPlugins`. */
export interface LoadPluginsOptions {
  /** Type ids already taken (the built-ins); a plugin reusing one is reported as `DUPLICATE_TYPE`. */
  readonly reserved?: Iterable<string>
  /** Longest a plugin's import, and then its plugin function, may take (default 10 s each). */
  readonly importTimeoutMs?: number
}

/** Loads every plugin of `dir`; never throws for a broken plugin. */
export async function loadPlugins(dir: string, options: LoadPluginsOptions = {}): Promise<LoadedPlugins> {
  const taken = new Set(options.reserved ?? [])
  const definitions: RoutineDefinition[] = []
  const problems: PluginProblem[] = []
  const timeoutMs = options.importTimeoutMs ?? 10_000
  for (const entry of await discoverPlugins(dir)) {
    if ('problem' in entry) {
      problems.push({ code: ErrorCode.PLUGIN_ERROR, file: entry.path, message: entry.problem })
      continue
    }
    const file = entry.file
    let exported: unknown
    try {
      exported = await withTimeout(importFresh(file), timeoutMs, `import (${file})`)
    } catch (error) {
      problems.push({ code: ErrorCode.PLUGIN_ERROR, file, message: `failed to load: ${errorText(error)}` })
      continue
    }
    let candidates: unknown[]
    try {
      candidates = await withTimeout(definitionsOf(exported), timeoutMs, 'the plugin function')
    } catch (error) {
      problems.push({
        code: ErrorCode.PLUGIN_ERROR,
        file,
        message: `the plugin function failed: ${errorText(error)}`,
      })
      continue
    }
    if (candidates.length === 0) {
      problems.push({ code: ErrorCode.PLUGIN_ERROR, file, message: 'exports no routine definitions' })
    }
    candidates.forEach((candidate, index) => {
      const id = (candidate as { id?: unknown } | null)?.id
      const type = typeof id === 'string' ? id : undefined
      const invalid = definitionProblems(candidate)
      if (invalid.length > 0) {
        const label = type === undefined ? `definition ${index}` : `"${type}"`
        problems.push({
          code: ErrorCode.PLUGIN_ERROR,
          file,
          message: `invalid routine definition ${label}: ${invalid.join('; ')}`,
          ...(type !== undefined && { type }),
        })
        return
      }
      const definition = candidate as RoutineDefinition
      if (taken.has(definition.id)) {
        problems.push({
          code: ErrorCode.DUPLICATE_TYPE,
          file,
          type: definition.id,
          message: `routine type "${definition.id}" is already defined`,
        })
        return
      }
      taken.add(definition.id)
      definitions.push({ ...definition, source: { plugin: file } })
    })
  }
  return { definitions, problems }
}

/** Imports `file` bypassing the module cache, so a reload picks up edits. */
async function importFresh(file: string): Promise<unknown> {
  const { mtimeMs } = await stat(file)
  const url = `${pathToFileURL(file).href}?v=${Math.trunc(mtimeMs)}`
  return import(/* @vite-ignore */ url)
}

async function definitionsOf(module: unknown): Promise<unknown[]> {
  const namespace = (module ?? {}) as { default?: unknown; routines?: unknown }
  let exported: unknown = namespace.default ?? namespace.routines
  if (typeof exported === 'function')
    exported = await (exported as Extract<PluginExport, (...a: never[]) => unknown>)(pluginApi)
  if (exported === undefined || exported === null) return []
  return Array.isArray(exported) ? [...exported] : [exported]
}

// The timer stays referenced (it is cleared once the step settles): a pending import or promise
// alone does not keep Node running, so an unreferenced timer would let a process that is only
// loading plugins (a host starting, the command line) exit silently instead of reporting the plugin.
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`
  return String(error)
}
