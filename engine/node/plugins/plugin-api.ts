/**
 * What a plugin module receives when its default export is a function: the engine pieces a routine
 * type needs, so a plugin never has to resolve the engine package itself. See docs/plugins.md.
 */
import { ErrorCode, RoutiluxError } from '../../errors'
import { Routine } from '../../routine'
import { buildRoutine } from '../../routines/build-routine'
import type { RoutineDefinition } from '../../routines/definition'
import { compileExpression } from '../../routines/expression'

/** Version of the plugin API; bumped on incompatible changes. */
export const PLUGIN_API_VERSION = 1

/** The object handed to `export default (api) => definitions`. */
export interface PluginApi {
  readonly apiVersion: typeof PLUGIN_API_VERSION
  readonly Routine: typeof Routine
  readonly RoutiluxError: typeof RoutiluxError
  readonly ErrorCode: typeof ErrorCode
  /** The default factory: a routine with the definition's ports and handlers. */
  readonly buildRoutine: typeof buildRoutine
  /** The expression language (docs/expressions.md). */
  readonly compileExpression: typeof compileExpression
}

/** What a plugin module may export: a definition, a list, or a function of the API returning either. */
export type PluginExport =
  | RoutineDefinition
  | readonly RoutineDefinition[]
  | ((
      api: PluginApi,
    ) =>
      | RoutineDefinition
      | readonly RoutineDefinition[]
      | Promise<RoutineDefinition | readonly RoutineDefinition[]>)

/** The API object given to plugin functions. */
export const pluginApi: PluginApi = Object.freeze({
  apiVersion: PLUGIN_API_VERSION,
  Routine,
  RoutiluxError,
  ErrorCode,
  buildRoutine,
  compileExpression,
})
