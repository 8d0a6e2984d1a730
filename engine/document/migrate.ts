/**
 * Document migrations: named steps, each upgrading a document from one format version to the next,
 * applied in order until the current version is reached, then the current version's normalisation
 * (defaults for optional sections). Steps work on the loader's private copy, never the caller's value.
 */

import { isRecord } from './guard'
import { DocumentProblemCode as Code, problem } from './problems'
import type { Problem } from './types'
import { DOCUMENT_VERSION } from './types'

/** One named upgrade step from `from` to `to` (`to` > `from`). */
export interface DocumentMigration {
  readonly name: string
  readonly from: number
  readonly to: number
  /** Returns the upgraded document; may modify and return its argument (a private copy). */
  readonly migrate: (document: Record<string, unknown>) => Record<string, unknown>
}

/** The version a document without a `version` key is read as (drafts written before versioning). */
export const UNVERSIONED = 0

/** Every migration this build knows, oldest first. */
export const documentMigrations: readonly DocumentMigration[] = [
  {
    name: 'unversioned-to-v1',
    from: UNVERSIONED,
    to: 1,
    migrate: (document) => ({ ...document, version: 1 }),
  },
]

/** Outcome of migrating: the upgraded value (absent when the version cannot be handled), steps run, problems. */
export interface MigrationResult {
  value?: Record<string, unknown>
  applied: string[]
  problems: Problem[]
}

/** Upgrades a document object to the current format version, then fills the current version's defaults. */
export function migrateDocument(
  input: Record<string, unknown>,
  migrations: readonly DocumentMigration[] = documentMigrations,
): MigrationResult {
  const applied: string[] = []
  const problems: Problem[] = []
  const raw = input.version
  let version: number
  if (raw === undefined) version = UNVERSIONED
  else if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1) version = raw
  else {
    return {
      applied,
      problems: [problem('error', Code.VERSION_INVALID, 'version must be a positive integer', ['version'])],
    }
  }
  if (version > DOCUMENT_VERSION) {
    return {
      applied,
      problems: [
        problem(
          'error',
          Code.VERSION_UNSUPPORTED,
          `format version ${version} is newer than this Routilux Studio understands (${DOCUMENT_VERSION}); update the application`,
          ['version'],
        ),
      ],
    }
  }
  let document = input
  while (version < DOCUMENT_VERSION) {
    const step = migrations.find((m) => m.from === version && m.to > version)
    if (!step) {
      return {
        applied,
        problems: [
          problem('error', Code.VERSION_UNSUPPORTED, `no migration from format version ${version}`, [
            'version',
          ]),
        ],
      }
    }
    document = step.migrate(document)
    applied.push(step.name)
    version = step.to
  }
  if (applied.length > 0) {
    problems.push(
      problem(
        'info',
        Code.MIGRATED,
        `upgraded to format version ${DOCUMENT_VERSION} (${applied.join(', ')}); saving writes the new version`,
        ['version'],
      ),
    )
  }
  return { value: normalizeV1(document), applied, problems }
}

/** Fills the optional sections of a version-1 document with their defaults. */
function normalizeV1(document: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...document }
  if (out.name === undefined && typeof out.id === 'string') out.name = out.id
  if (out.description === undefined) out.description = ''
  if (out.execution === undefined) out.execution = { mode: 'sequential' }
  if (out.layout === undefined) out.layout = { positions: {} }
  else if (isRecord(out.layout) && out.layout.positions === undefined)
    out.layout = { ...out.layout, positions: {} }
  if (out.notes === undefined) out.notes = []
  if (Array.isArray(out.routines)) {
    out.routines = out.routines.map((r) => (isRecord(r) && r.config === undefined ? { ...r, config: {} } : r))
  }
  return out
}
