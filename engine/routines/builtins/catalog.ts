/**
 * Every built-in routine type, in palette order. Build a registry with
 * `new RoutineRegistry([...builtinRoutines, ...plugins])`.
 */
import type { RoutineDefinition } from '../definition'
import { conditionalRouter } from './control/router'
import { dataTransformer } from './data/transformer'
import { dataValidator } from './data/validator'
import { manualTrigger } from './flow/trigger'
import { textClipper } from './text/clipper'
import { resultExtractor } from './text/extractor'
import { textRenderer } from './text/renderer'
import { dataFlattener } from './util/flattener'
import { timeProvider } from './util/time-provider'

/** The built-in routine definitions. */
export const builtinRoutines: readonly RoutineDefinition[] = [
  manualTrigger,
  conditionalRouter,
  dataTransformer,
  dataValidator,
  textClipper,
  textRenderer,
  resultExtractor,
  dataFlattener,
  timeProvider,
]
