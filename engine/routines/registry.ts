/**
 * The routine registry: an instance (never a global) built from definitions, e.g.
 * `new RoutineRegistry([...builtinRoutines, ...plugins])`. It describes types for the editor and
 * instantiates routines for document entries, turning every failure into a coded problem.
 */
import type { Problem } from '../document/types'
import { ErrorCode, RoutiluxError } from '../errors'
import { isRecord } from '../payload'
import type { Routine } from '../routine'
import type { Payload } from '../types'
import { buildRoutine } from './build-routine'
import type { RoutineDefinition } from './definition'
import { descriptorOf } from './describe'
import { type RoutineTypeDescriptor, resolvePorts } from './descriptor'
import { applyConfigDefaults, type ConfigIssue, validateConfigSchema } from './descriptor-config'
import { type PlaceholderPorts, placeholderDescriptor } from './descriptor-placeholder'
import { migrateConfig } from './migrate-config'
import { createPlaceholderRoutine } from './placeholder'
import { definitionProblems } from './validate-definition'

/** A routine entry as written in a document (the fields `instantiate` reads). */
export interface RoutineEntry {
  readonly id?: string
  readonly type: string
  readonly typeVersion?: number
  readonly config?: unknown
  readonly merge?: Readonly<Record<string, 'override' | 'append'>>
}

/** Where the entry sits in its document, and which ports its connections use. */
export interface InstantiateOptions {
  /** JSON path of the entry, e.g. `$.routines[2]`; problem paths extend it. Default `$`. */
  readonly path?: string
  /** Ports the document's connections reference; a placeholder gets exactly these. */
  readonly ports?: PlaceholderPorts
}

/** The outcome of `instantiate`: always a routine, plus problems (empty when all is well). */
export interface Instantiated {
  readonly routine: Routine
  /** The config in use: migrated to the current version, defaults applied. */
  readonly config: Payload
  /** The config version `config` is now at. */
  readonly typeVersion: number
  readonly descriptor: RoutineTypeDescriptor
  readonly placeholder: boolean
  readonly problems: Problem[]
}

/** Maps type ids to routine definitions. Duplicate ids throw `DUPLICATE_TYPE`. */
export class RoutineRegistry {
  readonly #definitions = new Map<string, RoutineDefinition>()

  constructor(definitions: Iterable<RoutineDefinition> = []) {
    for (const definition of definitions) {
      const problems = definitionProblems(definition)
      if (problems.length > 0) {
        throw new RoutiluxError(
          ErrorCode.INVALID_ARGUMENT,
          `invalid routine definition ${JSON.stringify((definition as { id?: unknown })?.id)}: ${problems.join('; ')}`,
          { problems },
        )
      }
      if (this.#definitions.has(definition.id)) {
        throw new RoutiluxError(
          ErrorCode.DUPLICATE_TYPE,
          `routine type "${definition.id}" is defined twice`,
          {
            type: definition.id,
          },
        )
      }
      this.#definitions.set(definition.id, definition)
    }
  }

  /** A new registry with these definitions added (duplicates throw `DUPLICATE_TYPE`). */
  extend(definitions: Iterable<RoutineDefinition>): RoutineRegistry {
    return new RoutineRegistry([...this.#definitions.values(), ...definitions])
  }

  /** True when `type` is registered. */
  has(type: string): boolean {
    return this.#definitions.has(type)
  }

  /** The definition of `type`, if registered. */
  get(type: string): RoutineDefinition | undefined {
    return this.#definitions.get(type)
  }

  /** Registered type ids in registration order. */
  get types(): string[] {
    return [...this.#definitions.keys()]
  }

  /** Plain, serialisable descriptors of every type, for the palette and inspector. */
  describe(): RoutineTypeDescriptor[] {
    return [...this.#definitions.values()].map(descriptorOf)
  }

  /** The descriptor of one type, or a placeholder descriptor when it is unknown. */
  describeType(type: string, ports?: PlaceholderPorts): RoutineTypeDescriptor {
    const definition = this.#definitions.get(type)
    return definition ? descriptorOf(definition) : placeholderDescriptor(type, ports)
  }

  /** Validates a config of `type` (schema plus the type's own checks); paths are relative (`$.x`). */
  validateConfig(type: string, config: Payload): ConfigIssue[] {
    const definition = this.#definitions.get(type)
    if (!definition)
      return [{ path: '$', message: `unknown routine type "${type}"`, code: ErrorCode.UNKNOWN_TYPE }]
    return configIssues(definition, config)
  }

  /**
   * Builds the routine for a document entry: migrate → apply defaults → validate → create. Never
   * throws for bad input: an unknown type or a failing factory gives a placeholder routine.
   */
  instantiate(entry: RoutineEntry, options: InstantiateOptions = {}): Instantiated {
    const path = options.path ?? '$'
    const problems: Problem[] = []
    const problem = (severity: Problem['severity'], code: string, message: string, at: string) =>
      problems.push({
        severity,
        code,
        message,
        location: { path: at, ...(entry.id !== undefined && { routineId: entry.id }) },
      })
    let config: Payload = {}
    if (isRecord(entry.config)) config = { ...entry.config }
    else if (entry.config !== undefined) {
      problem(
        'error',
        ErrorCode.INVALID_CONFIG,
        'config must be an object; an empty config is used',
        `${path}.config`,
      )
    }
    const definition = this.#definitions.get(entry.type)
    if (!definition) {
      problem(
        'error',
        ErrorCode.UNKNOWN_TYPE,
        `routine type "${entry.type}" is not installed`,
        `${path}.type`,
      )
      const routine = createPlaceholderRoutine(entry.type, config, options.ports)
      const descriptor = placeholderDescriptor(entry.type, options.ports)
      return { routine, config, typeVersion: entry.typeVersion ?? 1, descriptor, placeholder: true, problems }
    }
    const descriptor = descriptorOf(definition)
    const migrated = migrateConfig(definition, config, entry.typeVersion)
    for (const message of migrated.problems)
      problem('error', ErrorCode.INVALID_CONFIG, message, `${path}.typeVersion`)
    if (migrated.newer) {
      problem('warning', ErrorCode.INVALID_CONFIG, migrated.newer, `${path}.typeVersion`)
    }
    config = applyConfigDefaults(descriptor.configSchema, migrated.config)
    for (const issue of configIssues(definition, config)) {
      problem('error', issue.code, issue.message, `${path}.config${issue.path.slice(1)}`)
    }
    try {
      const create = definition.create ?? ((c, o) => buildRoutine(definition, c, o))
      const routine = create(config, { ...(entry.merge !== undefined && { merge: entry.merge }) })
      return { routine, config, typeVersion: migrated.version, descriptor, placeholder: false, problems }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      problem('error', ErrorCode.INVALID_CONFIG, `could not create the routine: ${message}`, `${path}.config`)
      const resolved = resolvePorts(descriptor, config)
      const ports = {
        slots: [...resolved.slots.map((s) => s.name), ...(options.ports?.slots ?? [])],
        events: [...resolved.events.map((e) => e.name), ...(options.ports?.events ?? [])],
      }
      const routine = createPlaceholderRoutine(entry.type, config, ports)
      return { routine, config, typeVersion: migrated.version, descriptor, placeholder: true, problems }
    }
  }
}

function configIssues(definition: RoutineDefinition, config: Payload): ConfigIssue[] {
  const issues = validateConfigSchema(descriptorOf(definition).configSchema, config)
  if (definition.validateConfig) {
    try {
      issues.push(...definition.validateConfig(config))
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      issues.push({ path: '$', message: `config check failed: ${message}`, code: ErrorCode.INVALID_CONFIG })
    }
  }
  return issues
}
