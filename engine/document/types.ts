/**
 * The flow document (`*.routilux.json`), format version 1. Semantics (routines, connections,
 * execution settings) and layout (positions, viewport, notes) live under separate keys so a layout
 * change never looks like a behaviour change in a diff. Pure types only.
 */
import type { ErrorStrategy, Payload } from '../types'

/** The `format` value of every flow document. */
export const DOCUMENT_FORMAT = 'routilux-flow'
/** The format version this build writes. */
export const DOCUMENT_VERSION = 1
/** File name ending of flow documents. */
export const DOCUMENT_EXTENSION = '.routilux.json'

/** An error handler as written in a document (the `retryable` predicate is expressed as codes). */
export interface ErrorHandlerSpec {
  strategy: ErrorStrategy
  maxRetries?: number
  retryDelayMs?: number
  retryBackoff?: number
  isCritical?: boolean
  /** Retry only errors with one of these codes; absent = every error is retryable. */
  retryOn?: string[]
}

/** How a flow executes: mode, workers, flow-level error handler, history, timeouts. */
export interface ExecutionSpec {
  mode: 'sequential' | 'concurrent'
  maxWorkers?: number
  errorHandler?: ErrorHandlerSpec
  history?: { maxSize?: number; ttlMs?: number }
  handlerTimeoutMs?: number
  /** Default job timeout for runs of this flow. */
  timeoutMs?: number
}

/** One routine of a document: its id, registry type and config. */
export interface RoutineSpec {
  id: string
  /** Registry type id, e.g. `text.clipper`. */
  type: string
  /** Version of the type's config schema this config was written with. */
  typeVersion?: number
  config: Payload
  title?: string
  description?: string
  errorHandler?: ErrorHandlerSpec
  /** Per-slot merge strategy overrides. */
  merge?: Record<string, 'override' | 'append'>
}

/** One connection, from a routine's event to a routine's slot, by routine id. */
export interface ConnectionSpec {
  id: string
  source: { routine: string; event: string }
  target: { routine: string; slot: string }
}

/** A canvas position. */
export interface Point {
  x: number
  y: number
}

/** A sticky note on the canvas (layout only). */
export interface NoteSpec {
  id: string
  text: string
  x: number
  y: number
  width: number
  height: number
  color?: string
}

/** Editor layout: node positions by routine id and the viewport. */
export interface LayoutSpec {
  positions: Record<string, Point>
  viewport?: { x: number; y: number; zoom: number }
}

/** A flow document, format version 1 (see docs/document-format.md). */
export interface FlowDocument {
  $schema?: string
  format: typeof DOCUMENT_FORMAT
  version: typeof DOCUMENT_VERSION
  id: string
  name: string
  description: string
  execution: ExecutionSpec
  routines: RoutineSpec[]
  connections: ConnectionSpec[]
  layout: LayoutSpec
  notes: NoteSpec[]
}

/** Where a problem points: a JSON path into the document plus the routine/connection it concerns. */
export interface ProblemLocation {
  /** JSON path, e.g. `$.routines[2].config.max_length`. */
  path: string
  routineId?: string
  connectionId?: string
}

/** A coded, located finding from loading, validating or analysing a document. */
export interface Problem {
  severity: 'error' | 'warning' | 'info'
  code: string
  message: string
  location: ProblemLocation
}
