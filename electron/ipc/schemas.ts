/**
 * Runtime schemas (zod) of every request in the contract. The host validates each incoming request
 * with these before a handler sees it, on both transports; the map's type forces one schema per
 * method and keeps each schema's output assignable to the contract's request type.
 */
import { z } from 'zod'
import type { MethodName, RequestOf, StreamName } from './contract'

const MAX_PATH = 4096
const MAX_ID = 256
const MAX_TEXT = 4 * 1024 * 1024

const id = z.string().min(1).max(MAX_ID)
const path = z
  .string()
  .min(1)
  .max(MAX_PATH)
  .refine((value) => !value.includes('\0'), 'path contains a NUL character')
const nullablePath = path.nullable()
const payload = z.record(z.string(), z.unknown())
const empty = z.strictObject({})
const count = z.number().int().nonnegative()

const errorHandlerSpec = z.looseObject({
  strategy: z.enum(['stop', 'continue', 'retry', 'skip']),
  maxRetries: count.optional(),
  retryDelayMs: z.number().nonnegative().optional(),
  retryBackoff: z.number().positive().optional(),
  isCritical: z.boolean().optional(),
  retryOn: z.array(z.string()).optional(),
})

const point = z.looseObject({ x: z.number(), y: z.number() })

/** Structural schema of a flow document; semantic checks are `document.validate`'s job. */
export const flowDocumentSchema = z.looseObject({
  $schema: z.string().optional(),
  format: z.literal('routilux-flow'),
  version: z.literal(1),
  id: z.string().max(MAX_ID),
  name: z.string(),
  description: z.string(),
  execution: z.looseObject({
    mode: z.enum(['sequential', 'concurrent']),
    maxWorkers: z.number().int().positive().optional(),
    errorHandler: errorHandlerSpec.optional(),
    history: z.looseObject({ maxSize: count.optional(), ttlMs: count.optional() }).optional(),
    handlerTimeoutMs: z.number().positive().optional(),
    timeoutMs: z.number().positive().optional(),
  }),
  routines: z.array(
    z.looseObject({
      id: z.string(),
      type: z.string(),
      typeVersion: z.number().int().optional(),
      config: payload,
      title: z.string().optional(),
      description: z.string().optional(),
      errorHandler: errorHandlerSpec.optional(),
      merge: z.record(z.string(), z.enum(['override', 'append'])).optional(),
    }),
  ),
  connections: z.array(
    z.looseObject({
      id: z.string(),
      source: z.looseObject({ routine: z.string(), event: z.string() }),
      target: z.looseObject({ routine: z.string(), slot: z.string() }),
    }),
  ),
  layout: z.looseObject({
    positions: z.record(z.string(), point),
    viewport: z.looseObject({ x: z.number(), y: z.number(), zoom: z.number() }).optional(),
  }),
  notes: z.array(
    z.looseObject({
      id: z.string(),
      text: z.string(),
      x: z.number(),
      y: z.number(),
      width: z.number(),
      height: z.number(),
      color: z.string().optional(),
    }),
  ),
})

const d2Style = z.enum(['default', 'compact', 'detailed'])
const jobRef = z.strictObject({ jobId: id })

/** One schema per method; a missing method or a schema whose output is not the request type fails to compile. */
export const requestSchemas = {
  'app.info': empty,
  'app.setDocumentState': z.strictObject({
    title: z.string().max(1024),
    path: nullablePath,
    dirty: z.boolean(),
  }),

  'registry.describe': empty,
  'registry.reloadPlugins': empty,

  'document.new': z.strictObject({ name: z.string().max(1024).optional() }),
  'document.open': z.strictObject({ path }),
  'document.save': z.strictObject({
    path,
    document: flowDocumentSchema,
    expectedModifiedAt: z.number().nullable().optional(),
    draftId: id.optional(),
  }),
  'document.saveAs': z.strictObject({
    path,
    document: flowDocumentSchema,
    overwrite: z.boolean().optional(),
    draftId: id.optional(),
  }),
  'document.close': z.strictObject({ path }),
  'document.validate': z.strictObject({ document: flowDocumentSchema }),
  'document.analyze': z.strictObject({ document: flowDocumentSchema }),
  'document.importPython': z.strictObject({
    source: z.string().max(MAX_TEXT),
    fileName: z.string().max(1024).optional(),
  }),
  'document.listExamples': empty,
  'document.openExample': z.strictObject({ id }),
  'document.recent': empty,
  'document.clearRecent': empty,

  'workspace.list': z.strictObject({ dir: z.string().max(MAX_PATH) }),
  'workspace.createFolder': z.strictObject({ path }),

  'dialog.open': z.strictObject({ title: z.string().max(256).optional() }),
  'dialog.save': z.strictObject({
    title: z.string().max(256).optional(),
    defaultName: z.string().max(1024).optional(),
    kind: z.enum(['flow', 'd2', 'svg', 'snapshot']).optional(),
  }),

  'draft.put': z.strictObject({
    draftId: id,
    path: nullablePath,
    name: z.string().max(1024),
    document: flowDocumentSchema,
    baseModifiedAt: z.number().nullable().optional(),
  }),
  'draft.list': empty,
  'draft.recover': z.strictObject({ draftId: id }),
  'draft.discard': z.strictObject({ draftId: id }),

  'd2.export': z.strictObject({ document: flowDocumentSchema, style: d2Style, overlayJobId: id.optional() }),
  'd2.render': z.strictObject({ text: z.string().max(MAX_TEXT) }),
  'd2.save': z.strictObject({
    path,
    format: z.enum(['d2', 'svg']),
    document: flowDocumentSchema,
    style: d2Style,
    overlayJobId: id.optional(),
  }),

  'job.start': z.strictObject({
    document: flowDocumentSchema,
    documentPath: nullablePath.optional(),
    entry: id,
    slot: id.optional(),
    params: payload,
    options: z
      .strictObject({
        mode: z.enum(['sequential', 'concurrent']).optional(),
        maxWorkers: z.number().int().min(1).max(1024).optional(),
        timeoutMs: z.number().positive().optional(),
      })
      .optional(),
  }),
  'job.pause': jobRef,
  'job.resume': jobRef,
  'job.cancel': jobRef,
  'job.list': empty,
  'job.get': jobRef,
  'job.history': z.strictObject({ jobId: id, offset: count, limit: z.number().int().min(1).max(1000) }),
  'job.events': z.strictObject({
    jobId: id,
    afterSeq: count.optional(),
    limit: z.number().int().min(1).max(5000).optional(),
  }),
  'job.timeline': jobRef,
  'job.clearFinished': empty,

  'snapshot.save': z.strictObject({ jobId: id, path: path.optional() }),
  'snapshot.list': empty,
  'snapshot.load': z.strictObject({ path }),
  'snapshot.restore': z.strictObject({ path }),

  'metrics.text': empty,
  'metrics.endpoint': empty,
  'metrics.setEndpoint': z.strictObject({
    enabled: z.boolean(),
    port: z.number().int().min(0).max(65535).optional(),
  }),
} satisfies { [M in MethodName]: z.ZodType<RequestOf<M>> }

/** Every method name, from the schema map (the runtime list of the contract's methods). */
export const METHOD_NAMES = Object.keys(requestSchemas) as MethodName[]

/** True when `name` is a method of the contract. */
export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(requestSchemas, name)
}

const streams: Record<StreamName, true> = {
  'execution.batch': true,
  'jobs.changed': true,
  'document.changedOnDisk': true,
  'registry.changed': true,
  'menu.command': true,
  'draft.recoveryOffered': true,
}

/** Every stream name of the contract (the record above forces the list to be complete). */
export const STREAM_NAMES = Object.keys(streams) as StreamName[]

/** True when `name` is a stream of the contract. */
export function isStreamName(name: string): name is StreamName {
  return Object.hasOwn(streams, name)
}
