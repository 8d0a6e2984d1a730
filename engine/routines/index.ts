export { buildRoutine } from './build-routine'
export { type BuiltinOptions, builtinRoutines, createBuiltinRoutines } from './builtins/catalog'
export { DEFAULT_SCRIPT, scriptRoutine } from './builtins/script/script-routine'
export { STATE_KEY_PREFIX } from './builtins/shared/job-state'
export { TIMER_SLOT } from './builtins/shared/timers'
export { CATEGORIES, categoryStyle } from './categories'
export type {
  ConfigMigration,
  CreateOptions,
  DynamicSlotSpec,
  EventSpec,
  RoutineDefinition,
  SlotSpec,
} from './definition'
export { descriptorOf } from './describe'
export type {
  DynamicPorts,
  EventDescriptor,
  JsonSchema,
  MergeKind,
  RoutineTypeDescriptor,
  SlotDescriptor,
} from './descriptor'
export { resolvePorts } from './descriptor'
export type { ConfigIssue } from './descriptor-config'
export { applyConfigDefaults, defaultConfig, validateConfigSchema } from './descriptor-config'
export type { PlaceholderPorts } from './descriptor-placeholder'
export { placeholderDescriptor } from './descriptor-placeholder'
export type { MigratedConfig } from './migrate-config'
export { migrateConfig } from './migrate-config'
export { createPlaceholderRoutine } from './placeholder'
export type { Instantiated, InstantiateOptions, RoutineEntry } from './registry'
export { RoutineRegistry } from './registry'
export type { ScriptGrants, ScriptOutcome, ScriptRequest, ScriptRunner } from './script-runner'
export type { ScriptDiagnostic } from './script-syntax'
export { assertScriptSyntax, checkScriptSyntax, SCRIPT_PARAMETERS, wrapScriptSource } from './script-syntax'
export { definitionProblems, TYPE_ID_PATTERN } from './validate-definition'
