/**
 * The host's routine registry: the built-in routine types plus the plugins found in the app-data
 * plugins folder. A broken plugin never stops the others; its problems are reported with the
 * descriptors. Reloading builds a fresh registry instance (no global state).
 */
import { mkdir } from 'node:fs/promises'
import type { Problem } from '../../../engine/document/types'
import { createBuiltinRoutines } from '../../../engine/routines/builtins/catalog'
import type { RoutineDefinition } from '../../../engine/routines/definition'
import type { RoutineTypeDescriptor } from '../../../engine/routines/descriptor'
import { RoutineRegistry } from '../../../engine/routines/registry'
import type { ScriptRunner } from '../../../engine/routines/script-runner'
import type { RegistryState } from '../../ipc/contract'

/** Loads plugin definitions from a folder (plugins may not reuse `reserved` type ids). */
export type PluginLoader = (
  dir: string,
  reserved: readonly string[],
) => Promise<{ definitions: RoutineDefinition[]; problems: Problem[] }>

export class RegistryManager {
  readonly #pluginsDir: string
  readonly #loadPlugins: PluginLoader | undefined
  readonly #builtins: readonly RoutineDefinition[]
  #registry: RoutineRegistry
  #descriptors: RoutineTypeDescriptor[]
  #problems: Problem[] = []

  constructor(pluginsDir: string, options: { loadPlugins?: PluginLoader; scriptRunner?: ScriptRunner } = {}) {
    this.#pluginsDir = pluginsDir
    this.#loadPlugins = options.loadPlugins
    this.#builtins = createBuiltinRoutines(options.scriptRunner ? { scriptRunner: options.scriptRunner } : {})
    this.#registry = new RoutineRegistry(this.#builtins)
    this.#descriptors = this.#registry.describe()
  }

  /** Type ids of the built-in routines (plugins may not reuse them). */
  builtinTypes(): string[] {
    return this.#builtins.map((d) => d.id)
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
      ? await this.#loadPlugins(this.#pluginsDir, this.builtinTypes())
      : { definitions: [], problems: [] }
    const problems = [...loaded.problems]
    let registry = new RoutineRegistry(this.#builtins)
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
