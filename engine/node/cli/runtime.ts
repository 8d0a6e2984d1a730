/**
 * The engine pieces a command needs: a routine registry with the built-ins (scripts run in the
 * worker sandbox) and their descriptors. `dispose()` stops the script workers so the process can exit.
 */
import { createBuiltinRoutines } from '../../routines/builtins/catalog'
import type { RoutineTypeDescriptor } from '../../routines/descriptor'
import { RoutineRegistry } from '../../routines/registry'
import { WorkerScriptRunner } from '../script/worker-script-runner'

/** A registry plus the resources behind it. */
export interface CliRuntime {
  readonly registry: RoutineRegistry
  readonly descriptors: readonly RoutineTypeDescriptor[]
  dispose(): Promise<void>
}

/** Creates the registry of built-in routine types; script workers start only when a script runs. */
export function createRuntime(): CliRuntime {
  const scriptRunner = new WorkerScriptRunner()
  const registry = new RoutineRegistry(createBuiltinRoutines({ scriptRunner }))
  return {
    registry,
    descriptors: registry.describe(),
    dispose: () => scriptRunner.dispose(),
  }
}
