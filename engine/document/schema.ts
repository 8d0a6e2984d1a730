/**
 * The JSON Schema of flow documents, format version 1 (draft 2020-12). This object is the source of
 * truth; `resources/flow.schema.json` is the published copy (`routilux schema` prints it, a test keeps
 * the two equal). Semantic rules a schema cannot express (unique ids, connection endpoints, ports)
 * are checked by `validateDocument`.
 */

/**
 * The schema's `$id`, written as `$schema` in saved documents that do not name another schema. It is
 * a name, not a location (no server publishes the schema): editors find the schema through a file
 * reference or a `*.routilux.json` mapping to `resources/flow.schema.json` (docs/document-format.md).
 */
export const FLOW_SCHEMA_ID = 'urn:routilux:flow-document:v1'

/** Longest id (routine, connection, note, flow) the format accepts. */
export const MAX_ID_LENGTH = 200

const MAX_TIMER_MS = 2_147_483_647
const MAX_COORDINATE = 1e9

const id = {
  type: 'string',
  minLength: 1,
  maxLength: MAX_ID_LENGTH,
  not: { enum: ['__proto__', 'constructor', 'prototype'] },
} as const

const coordinate = { type: 'number', minimum: -MAX_COORDINATE, maximum: MAX_COORDINATE } as const

/** The flow document JSON Schema as plain data. */
export const flowDocumentSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: FLOW_SCHEMA_ID,
  title: 'Routilux flow document',
  description:
    'A Routilux Studio flow (*.routilux.json): routines, connections and execution settings, with the editor layout kept apart.',
  type: 'object',
  required: ['format', 'version', 'id', 'routines', 'connections'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', maxLength: 2048 },
    format: { const: 'routilux-flow', description: 'Always "routilux-flow".' },
    version: { const: 1, description: 'Format version; older versions are migrated on load.' },
    id: { $ref: '#/$defs/id' },
    name: { type: 'string', maxLength: 500 },
    description: { type: 'string', maxLength: 100_000 },
    execution: { $ref: '#/$defs/execution' },
    routines: { type: 'array', maxItems: 10_000, items: { $ref: '#/$defs/routine' } },
    connections: { type: 'array', maxItems: 100_000, items: { $ref: '#/$defs/connection' } },
    layout: { $ref: '#/$defs/layout' },
    notes: { type: 'array', maxItems: 10_000, items: { $ref: '#/$defs/note' } },
  },
  $defs: {
    id: { ...id, description: 'An identifier: any non-empty string except prototype keys.' },
    portName: { ...id, description: 'A slot or event name.' },
    errorHandler: {
      type: 'object',
      required: ['strategy'],
      additionalProperties: false,
      properties: {
        strategy: { enum: ['stop', 'continue', 'retry', 'skip'] },
        maxRetries: { type: 'integer', minimum: 0, maximum: 1000 },
        retryDelayMs: { type: 'number', minimum: 0, maximum: MAX_TIMER_MS },
        retryBackoff: { type: 'number', exclusiveMinimum: 0, maximum: 1000 },
        isCritical: { type: 'boolean' },
        retryOn: {
          type: 'array',
          maxItems: 100,
          items: { type: 'string', minLength: 1, maxLength: MAX_ID_LENGTH },
        },
      },
    },
    execution: {
      type: 'object',
      required: ['mode'],
      additionalProperties: false,
      properties: {
        mode: { enum: ['sequential', 'concurrent'] },
        maxWorkers: { type: 'integer', minimum: 1, maximum: 1024 },
        errorHandler: { $ref: '#/$defs/errorHandler' },
        history: {
          type: 'object',
          additionalProperties: false,
          properties: {
            maxSize: { type: 'integer', minimum: 0, maximum: 10_000_000 },
            ttlMs: { type: 'number', minimum: 0, maximum: 1e15 },
          },
        },
        handlerTimeoutMs: { type: 'number', exclusiveMinimum: 0, maximum: MAX_TIMER_MS },
        timeoutMs: { type: 'number', exclusiveMinimum: 0, maximum: MAX_TIMER_MS },
      },
    },
    routine: {
      type: 'object',
      required: ['id', 'type', 'config'],
      additionalProperties: false,
      properties: {
        id: { $ref: '#/$defs/id' },
        type: { type: 'string', minLength: 1, maxLength: MAX_ID_LENGTH },
        typeVersion: { type: 'integer', minimum: 1, maximum: 1_000_000 },
        config: { type: 'object' },
        title: { type: 'string', maxLength: 500 },
        description: { type: 'string', maxLength: 100_000 },
        errorHandler: { $ref: '#/$defs/errorHandler' },
        merge: {
          type: 'object',
          propertyNames: { $ref: '#/$defs/portName' },
          additionalProperties: { enum: ['override', 'append'] },
        },
      },
    },
    connection: {
      type: 'object',
      required: ['id', 'source', 'target'],
      additionalProperties: false,
      properties: {
        id: { $ref: '#/$defs/id' },
        source: {
          type: 'object',
          required: ['routine', 'event'],
          additionalProperties: false,
          properties: { routine: { $ref: '#/$defs/id' }, event: { $ref: '#/$defs/portName' } },
        },
        target: {
          type: 'object',
          required: ['routine', 'slot'],
          additionalProperties: false,
          properties: { routine: { $ref: '#/$defs/id' }, slot: { $ref: '#/$defs/portName' } },
        },
      },
    },
    point: {
      type: 'object',
      required: ['x', 'y'],
      additionalProperties: false,
      properties: { x: coordinate, y: coordinate },
    },
    layout: {
      type: 'object',
      required: ['positions'],
      additionalProperties: false,
      properties: {
        positions: {
          type: 'object',
          propertyNames: { $ref: '#/$defs/id' },
          additionalProperties: { $ref: '#/$defs/point' },
        },
        viewport: {
          type: 'object',
          required: ['x', 'y', 'zoom'],
          additionalProperties: false,
          properties: {
            x: coordinate,
            y: coordinate,
            zoom: { type: 'number', exclusiveMinimum: 0, maximum: 100 },
          },
        },
      },
    },
    note: {
      type: 'object',
      required: ['id', 'text', 'x', 'y', 'width', 'height'],
      additionalProperties: false,
      properties: {
        id: { $ref: '#/$defs/id' },
        text: { type: 'string', maxLength: 100_000 },
        x: coordinate,
        y: coordinate,
        width: { type: 'number', minimum: 0, maximum: MAX_COORDINATE },
        height: { type: 'number', minimum: 0, maximum: MAX_COORDINATE },
        color: { type: 'string', maxLength: 100 },
      },
    },
  },
} as const
