/**
 * Opening a flow serialised by Python Routilux (`Flow.serialize()`, reference §2.3) as a document:
 * built-in classes become our routine types, other classes placeholders; connections are resolved
 * only where unambiguous (python-connections.ts); routines are laid out left to right by execution
 * level. Problems point into the new document. Pure and never throws.
 */
import type { RoutineTypeDescriptor } from '../routines/descriptor'
import { flowGraph } from './analyze'
import { checkText, DEFAULT_LIMITS, type DocumentLimits, isRecord, sanitize } from './guard'
import { INTERNAL_ERROR, type LoadResult, loadDocument } from './load'
import { DocumentProblemCode, hasErrors, problem, quoteName } from './problems'
import { type PythonConnection, type PythonRoutinePorts, resolveConnections } from './python-connections'
import {
  type ConvertedRoutine,
  convertErrorHandler,
  convertRoutine,
  PythonImportCode,
} from './python-import-routine'
import { createDocument } from './save'
import { MAX_ID_LENGTH } from './schema'
import { descriptorIndex } from './semantics'
import type { ConnectionSpec, ExecutionSpec, FlowDocument, Problem } from './types'

/** Options of the Python import. */
export interface PythonImportOptions {
  /** Descriptors of the installed routine types (for config keys, merge defaults and validation). */
  readonly descriptors?: readonly RoutineTypeDescriptor[]
  readonly limits?: Partial<DocumentLimits>
}

/** Layout grid of imported flows: columns per execution level, rows within a level. */
const COLUMN = 300
const ROW = 180
const MARGIN = 80

/** True when `value` looks like a Python `Flow.serialize()` payload. */
export function isPythonFlowPayload(value: unknown): boolean {
  return isRecord(value) && value._type === 'Flow'
}

/** Parses JSON text written by Python and imports it. */
export function parsePythonFlow(text: string, options: PythonImportOptions = {}): LoadResult {
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  const textProblems = checkText(text, limits)
  if (textProblems.length > 0) return { problems: textProblems, migrations: [], ok: false }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return {
      problems: [problem('error', DocumentProblemCode.PARSE_ERROR, `invalid JSON: ${message}`, '$')],
      migrations: [],
      ok: false,
    }
  }
  return importPythonFlow(value, options)
}

/** Imports a parsed Python payload (never mutated). */
export function importPythonFlow(payload: unknown, options: PythonImportOptions = {}): LoadResult {
  try {
    return importValue(payload, options)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return {
      problems: [problem('error', INTERNAL_ERROR, `the Python flow could not be read: ${message}`, '$')],
      migrations: [],
      ok: false,
    }
  }
}

function importValue(payload: unknown, options: PythonImportOptions): LoadResult {
  const clean = sanitize(payload, { ...DEFAULT_LIMITS, ...options.limits })
  if (clean.value === undefined) return { problems: clean.problems, migrations: [], ok: false }
  const root = clean.value
  if (!isRecord(root) || root._type !== 'Flow') {
    return {
      problems: [
        problem('error', PythonImportCode.NOT_A_FLOW, 'not a Python Routilux flow (no "_type": "Flow")', '$'),
      ],
      migrations: [],
      ok: false,
    }
  }
  const problems: Problem[] = []
  const index = descriptorIndex(options.descriptors ?? [])
  const id = validId(root.flow_id) ? root.flow_id : 'imported_flow'
  if (id !== root.flow_id) {
    problems.push(
      problem(
        'warning',
        PythonImportCode.INVALID,
        `flow_id is missing or unusable; the flow is called ${quoteName(id)}`,
        ['id'],
      ),
    )
  }
  const doc = createDocument(id)
  doc.description = 'Imported from a Python Routilux flow.'
  doc.execution = convertExecution(root, problems)

  const converted: ConvertedRoutine[] = []
  if (!isRecord(root.routines)) {
    problems.push(
      problem('error', PythonImportCode.INVALID, '"routines" must be an object keyed by routine id', [
        'routines',
      ]),
    )
  } else {
    for (const [routineId, raw] of Object.entries(root.routines)) {
      if (!validId(routineId) || !isRecord(raw)) {
        problems.push(
          problem(
            'warning',
            PythonImportCode.INVALID,
            `routine ${quoteName(routineId)} is not a usable routine object; skipped`,
            ['routines'],
          ),
        )
        continue
      }
      const routine = convertRoutine(routineId, raw, converted.length, index, problems)
      converted.push(routine)
      doc.routines.push(routine.spec)
    }
  }
  doc.connections = convertConnections(root.connections, converted, problems)
  layOut(doc, options.descriptors)

  const loaded = loadDocument(doc, options.descriptors ? { descriptors: options.descriptors } : {})
  // The import already explained each placeholder; the loader's generic finding at the same path is dropped.
  const explained = new Set(problems.map((p) => `${p.code}\u0000${p.location.path}`))
  const all = [
    ...problems,
    ...loaded.problems.filter((p) => !explained.has(`${p.code}\u0000${p.location.path}`)),
  ]
  if (!loaded.document) return { problems: all, migrations: [], ok: false }
  return { document: loaded.document, problems: all, migrations: [], ok: !hasErrors(all) }
}

function convertExecution(root: Record<string, unknown>, problems: Problem[]): ExecutionSpec {
  const strategy = root.execution_strategy
  const execution: ExecutionSpec = { mode: strategy === 'concurrent' ? 'concurrent' : 'sequential' }
  if (strategy !== undefined && strategy !== 'concurrent' && strategy !== 'sequential') {
    problems.push(
      problem(
        'warning',
        PythonImportCode.INVALID,
        `execution strategy ${JSON.stringify(strategy)} is not known; Python ran it sequentially, and so does this flow`,
        ['execution', 'mode'],
      ),
    )
  }
  const workers = root.max_workers
  if (execution.mode === 'concurrent' && Number.isInteger(workers) && (workers as number) >= 1) {
    execution.maxWorkers = Math.min(workers as number, 1024)
  }
  const handler = convertErrorHandler(root.error_handler)
  if (handler) execution.errorHandler = handler
  if (root._paused === true) {
    problems.push(
      problem(
        'info',
        PythonImportCode.NOT_IMPORTED,
        'the flow was serialised while paused; a paused state is not part of a document',
        ['execution'],
      ),
    )
  }
  return execution
}

function convertConnections(
  raw: unknown,
  routines: readonly ConvertedRoutine[],
  problems: Problem[],
): ConnectionSpec[] {
  if (raw === undefined) return []
  if (!Array.isArray(raw)) {
    problems.push(
      problem('warning', PythonImportCode.INVALID, '"connections" is not a list; no connection is imported', [
        'connections',
      ]),
    )
    return []
  }
  const candidates: PythonConnection[] = []
  raw.forEach((c, i) => {
    const event = isRecord(c) ? c._source_event_name : undefined
    const slot = isRecord(c) ? c._target_slot_name : undefined
    if (!isRecord(c) || typeof event !== 'string' || typeof slot !== 'string') {
      problems.push(
        problem(
          'warning',
          PythonImportCode.INVALID,
          `connection #${i} has no event and slot names; not imported`,
          ['connections'],
        ),
      )
      return
    }
    const sourceId = typeof c._source_routine_id === 'string' ? c._source_routine_id : undefined
    const targetId = typeof c._target_routine_id === 'string' ? c._target_routine_id : undefined
    candidates.push({
      index: i,
      event,
      slot,
      ...(sourceId !== undefined && { sourceId }),
      ...(targetId !== undefined && { targetId }),
    })
  })
  const ports: PythonRoutinePorts[] = routines.map((r) => ({
    id: r.spec.id,
    slots: r.pythonSlots,
    events: r.pythonEvents,
  }))
  const byId = new Map(routines.map((r) => [r.spec.id, r]))
  const { resolved, problems: found } = resolveConnections(ports, candidates)
  // Connection findings name the Python connection in their message; in the new document they sit at `$.connections`.
  for (const p of found) problems.push({ ...p, location: { path: '$.connections' } })
  return resolved.map((c, i) => {
    const source = byId.get(c.source.routine) as ConvertedRoutine
    const target = byId.get(c.target.routine) as ConvertedRoutine
    return {
      id: `c${i + 1}`,
      source: { routine: c.source.routine, event: source.eventName(c.source.event) },
      target: { routine: c.target.routine, slot: target.slotName(c.target.slot) },
    }
  })
}

/** Places routines left to right by execution level, top to bottom inside a level. */
function layOut(doc: FlowDocument, descriptors: readonly RoutineTypeDescriptor[] | undefined): void {
  const { levels } = flowGraph(doc, descriptors)
  const entries: [string, { x: number; y: number }][] = []
  levels.forEach((level, column) => {
    level.forEach((routineId, row) => {
      entries.push([routineId, { x: MARGIN + column * COLUMN, y: MARGIN + row * ROW }])
    })
  })
  doc.layout = { positions: Object.fromEntries(entries) }
}

function validId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH
}
