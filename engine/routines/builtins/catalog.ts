/**
 * Every built-in routine type, in palette order. Build a registry with
 * `new RoutineRegistry([...builtinRoutines, ...plugins])`.
 */
import type { RoutineDefinition } from '../definition'
import { conditionalRouter } from './control/router'
import { manualTrigger } from './flow/trigger'

/** The built-in routine definitions. */
export const builtinRoutines: readonly RoutineDefinition[] = [manualTrigger, conditionalRouter]
