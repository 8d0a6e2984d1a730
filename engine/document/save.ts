/**
 * Saving a flow document: the canonical form as JSON with two-space indentation and a trailing
 * newline, so the same flow always produces the same bytes and changes diff line by line.
 */

import { canonicalDocument } from './canonical'
import { FLOW_SCHEMA_ID } from './schema'
import type { FlowDocument } from './types'
import { DOCUMENT_FORMAT, DOCUMENT_VERSION } from './types'

/** Options of `saveDocument`. */
export interface SaveOptions {
  /** `$schema` to write when the document names none; defaults to the schema's id (`FLOW_SCHEMA_ID`). */
  readonly schema?: string
}

/** Serialises a document deterministically (stable key order, 2-space indent, trailing newline). */
export function saveDocument(doc: FlowDocument, options: SaveOptions = {}): string {
  const canonical = canonicalDocument({ ...doc, $schema: doc.$schema ?? options.schema ?? FLOW_SCHEMA_ID })
  return `${JSON.stringify(canonical, null, 2)}\n`
}

/** A new, empty document with every section present. */
export function createDocument(id: string, name: string = id): FlowDocument {
  return {
    $schema: FLOW_SCHEMA_ID,
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    id,
    name,
    description: '',
    execution: { mode: 'sequential' },
    routines: [],
    connections: [],
    layout: { positions: {} },
    notes: [],
  }
}
