/**
 * Config migrations: a config written for an older version of a type is upgraded step by step
 * (`migrations[n]` turns version n into n + 1) before it is validated.
 */
import type { Payload } from '../types'
import type { RoutineDefinition } from './definition'

/** Result of migrating one config; `problems` are messages of failed steps. */
export interface MigratedConfig {
  readonly config: Payload
  /** The version `config` is at (the current one unless a step failed). */
  readonly version: number
  readonly problems: string[]
  /** A message when the config comes from a newer version than the installed type. */
  readonly newer?: string
}

/**
 * Upgrades `config` from `fromVersion` (default: the current version) to the definition's version.
 * A missing step means the config needs no change; a throwing step stops at the last good version.
 */
export function migrateConfig(
  definition: RoutineDefinition,
  config: Payload,
  fromVersion?: number,
): MigratedConfig {
  const current = definition.version ?? 1
  const start = fromVersion ?? current
  if (!Number.isInteger(start) || start < 1) {
    return {
      config,
      version: current,
      problems: [`typeVersion ${String(fromVersion)} is not a positive integer`],
    }
  }
  if (start > current) {
    const newer = `config was written for version ${start} of "${definition.id}"; version ${current} is installed, so it is used as is`
    return { config, version: start, problems: [], newer }
  }
  let migrated = config
  for (let version = start; version < current; version++) {
    const step = definition.migrations?.[version]
    if (!step) continue
    try {
      const next = step(structuredClone(migrated))
      if (typeof next !== 'object' || next === null || Array.isArray(next)) {
        throw new Error('the migration did not return an object')
      }
      migrated = next
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      return {
        config: migrated,
        version,
        problems: [`migrating the config from version ${version} failed: ${message}`],
      }
    }
  }
  return { config: migrated, version: current, problems: [] }
}
