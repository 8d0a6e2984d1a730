/**
 * The host's routine registry: the built-in routine types plus the plugins found in the app-data
 * plugins folder. A broken plugin never stops the others; its problems are reported with the
 * descriptors. Reloading builds a fresh registry instance (no global state).
 */
import { mkdir } from 'node:fs/promises'
import type { Problem } from '../../../engine/document/types'
import { builtinRoutines } from '../../../engine/routines/builtins/catalog'
import type { RoutineDefinition } from '../../../engine/routines/definition'
import type { RoutineTypeDescriptor } from '../../../engine/routines/descriptor'
import { RoutineRegistry } from '../../../engine/routines/registry'
import type { RegistryState } from '../../ipc/contract'

/** Loads plugin definitions from a folder; problems describe files that failed. */
export type PluginLoader = (dir: string) => Promise<{ definitions: RoutineDefinition[]; problems: Problem[] }>

export class RegistryManager {
  readonly #pluginsDir: string
  readonly #loadPlugins: PluginLoader | undefined
  #registry = new RoutineRegistry(builtinRoutines)
  #descriptors: RoutineTypeDescriptor[] = this.#registry.describe()
  #problems: Problem[] = []

  constructor(pluginsDir: string, loadPlugins?: PluginLoader) {
    this.#pluginsDir = pluginsDir
    this.#loadPlugins = loadPlugins
  }

  get registry(): RoutineRegistry {
    return this.#registry
  }

  /** Current descriptors (cached between reloads). */
  readonly descriptors = (): readonly RoutineTypeDescriptor[] => this.#descriptors

  state(): RegistryState {
    return { descriptors: this.#descriptors, problems: this.#problems, pluginsDir: this.#pluginsDir }
  }

  /** Rebuilds the registry from the built-ins and the plugins folder. */
  async reload(): Promise<RegistryState> {
    await mkdir(this.#pluginsDir, { recursive: true })
    const loaded = this.#loadPlugins
      ? await this.#loadPlugins(this.#pluginsDir)
      : { definitions: [], problems: [] }
    const problems = [...loaded.problems]
    let registry = new RoutineRegistry(builtinRoutines)
    for (const definition of loaded.definitions) {
      try {
        registry = registry.extend([definition])
      } catch (error) {
        problems.push({
          severity: 'error',
          code: 'PLUGIN_ERROR',
          message: `Plugin type ${definition.id} was not loaded: ${error instanceof Error ? error.message : String(error)}`,
          location: { path: '$' },
        })
      }
    }
    this.#registry = registry
    this.#descriptors = this.#registry.describe()
    this.#problems = problems
    return this.state()
  }
}
