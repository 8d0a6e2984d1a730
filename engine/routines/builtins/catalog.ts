/**
 * Every built-in routine type, in palette order. Build a registry with
 * `new RoutineRegistry([...builtinRoutines, ...plugins])`.
 */
import type { RoutineDefinition } from '../definition'
import type { ScriptRunner } from '../script-runner'
import { conditionalRouter } from './control/router'
import { dataTransformer } from './data/transformer'
import { dataValidator } from './data/validator'
import { aggregator } from './flow/aggregator'
import { batcher } from './flow/batcher'
import { debouncer } from './flow/debouncer'
import { delay } from './flow/delay'
import { filter } from './flow/filter'
import { join } from './flow/join'
import { logger } from './flow/logger'
import { mapper } from './flow/mapper'
import { splitter } from './flow/splitter'
import { manualTrigger } from './flow/trigger'
import { scriptRoutine } from './script/script-routine'
import { textClipper } from './text/clipper'
import { resultExtractor } from './text/extractor'
import { textRenderer } from './text/renderer'
import { dataFlattener } from './util/flattener'
import { timeProvider } from './util/time-provider'

const withoutScript: readonly RoutineDefinition[] = [
  manualTrigger,
  logger,
  conditionalRouter,
  filter,
  mapper,
  splitter,
  aggregator,
  batcher,
  join,
  delay,
  debouncer,
  dataTransformer,
  dataValidator,
  textClipper,
  textRenderer,
  resultExtractor,
  dataFlattener,
  timeProvider,
]

/** Options of `createBuiltinRoutines`. */
export interface BuiltinOptions {
  /** Runs `script.javascript` code (the worker sandbox in a Node host). */
  readonly scriptRunner?: ScriptRunner
}

/** The built-in definitions with the script type bound to `options.scriptRunner`. */
export function createBuiltinRoutines(options: BuiltinOptions = {}): RoutineDefinition[] {
  return [...withoutScript, scriptRoutine(options.scriptRunner)]
}

/**
 * The built-in definitions; the script type has no runner here (it describes and validates, but a
 * run fails with `INVALID_STATE`). Hosts use `createBuiltinRoutines({ scriptRunner })`.
 */
export const builtinRoutines: readonly RoutineDefinition[] = createBuiltinRoutines()
