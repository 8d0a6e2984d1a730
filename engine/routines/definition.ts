/**
 * What a routine type is: the data the palette and inspector need plus a factory. Built-ins and
 * plugins use the same shape; `RoutineRegistry` turns definitions into descriptors and routines.
 */
import type { MergeStrategy, SlotHandler } from '../context'
import type { Routine } from '../routine'
import type { Payload } from '../types'
import type { DynamicPorts, JsonSchema } from './descriptor'
import type { ConfigIssue } from './descriptor-config'

/** An input slot of a routine type; `handler` is used by the default factory. */
export interface SlotSpec {
  readonly name: string
  readonly merge?: 'override' | 'append'
  readonly description?: string
  /** Payload keys the slot reads (documentation). */
  readonly params?: readonly string[]
  readonly handler?: SlotHandler
  /** Internal slots (a routine's own timers) exist on the routine but are not described or connectable. */
  readonly internal?: boolean
}

/** An output event of a routine type. */
export interface EventSpec {
  readonly name: string
  /** Keys the event carries (documentation only). */
  readonly params?: readonly string[]
  readonly description?: string
}

/** Slots named by a config array; every such slot gets `handler` (which reads `ctx.slotName`). */
export interface DynamicSlotSpec extends DynamicPorts {
  readonly merge?: 'override' | 'append'
  readonly handler?: SlotHandler
}

/** Upgrades a config written for version `n` to version `n + 1`. */
export type ConfigMigration = (config: Payload) => Payload

/** Options the registry passes to a factory. */
export interface CreateOptions {
  /** Per-slot merge strategy overrides from the document. */
  readonly merge?: Readonly<Record<string, MergeStrategy>>
}

/** A routine type: metadata, ports, config schema with defaults and version, migrations, factory. */
export interface RoutineDefinition {
  /** Stable type id, `<category>.<name>`, lowercase, e.g. `text.clipper`. */
  readonly id: string
  readonly title: string
  readonly category: string
  readonly description: string
  readonly icon?: string
  readonly color?: string
  /** Version of the config schema (default 1). */
  readonly version?: number
  /** JSON Schema of the config (type `object`), with a `default` on every property that has one. */
  readonly configSchema?: JsonSchema
  /** `migrations[n]` upgrades a version-`n` config to `n + 1`. */
  readonly migrations?: Readonly<Record<number, ConfigMigration>>
  readonly slots?: readonly SlotSpec[]
  readonly events?: readonly EventSpec[]
  readonly dynamicSlots?: DynamicSlotSpec
  readonly dynamicEvents?: DynamicPorts
  /** Checks the schema cannot express (expression syntax, script syntax); paths relative to the config. */
  readonly validateConfig?: (config: Payload) => ConfigIssue[]
  /** Builds a routine for a config (defaults applied, migrated). Default: `buildRoutine`. */
  readonly create?: (config: Payload, options: CreateOptions) => Routine
  /** Where the type came from; set by the plugin loader. */
  readonly source?: 'builtin' | { readonly plugin: string }
}
