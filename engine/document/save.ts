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

/** A fresh flow id for a new document: `flow_` and 8 random hex digits. */
export function newDocumentId(): string {
  const bytes = new Uint8Array(4)
  globalThis.crypto.getRandomValues(bytes)
  return `flow_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}

/**
 * A new, empty sequential document with every section present (what the editor's "New flow", the
 * host and the importers start from); `id` defaults to a fresh `newDocumentId()`, `name` to the id.
 */
export function createDocument(id: string = newDocumentId(), name: string = id): FlowDocument {
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
