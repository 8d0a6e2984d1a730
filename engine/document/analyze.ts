/**
 * The workflow analyzer: what a flow looks like as a graph (entry points, dependencies, levels,
 * cycles, reachability, unconnected ports) and what is wrong with it, as coded problems. Works from
 * routine type descriptors, so the renderer runs it live; never throws on a document the loader accepts.
 */
import type { Schema } from '@cfworker/json-schema'
import type { RoutineTypeDescriptor } from '../routines/descriptor'
import {
  dependencyLists,
  executionLevels,
  findCycles,
  type RoutineEdge,
  reachableFrom,
  successorLists,
} from './analyze-graph'
import { analyzePorts, type PortAnalysis, type PortRef } from './analyze-ports'
import { AnalysisCode, DocumentProblemCode, problem, quoteName } from './problems'
import { validateAgainst } from './schema-validate'
import { checkSemantics, descriptorIndex, effectiveConfig } from './semantics'
import type { FlowDocument, Problem, RoutineSpec } from './types'

/** Options of `analyzeDocument`. */
export interface AnalyzeOptions {
  /** Routine type descriptors; without them types, ports and configs cannot be checked. */
  readonly descriptors?: readonly RoutineTypeDescriptor[]
  /** Extra config checks beyond the type's JSON Schema (the registry's own validation, for instance). */
  readonly validateConfig?: (routine: RoutineSpec, index: number) => readonly Problem[]
}

/** Everything the analyzer found. Plain data, safe to send over IPC. */
export interface FlowAnalysis {
  /** Routines a run can start at (those with a `trigger` slot), in document order. */
  readonly entryPoints: string[]
  /** For each routine, the routines it receives from (self-loops left out), in connection order. */
  readonly dependencies: { routine: string; dependsOn: string[] }[]
  /** Execution levels from the entry points (see `executionLevels`). */
  readonly levels: string[][]
  /** Groups of routines that feed each other (or one routine feeding itself). */
  readonly cycles: string[][]
  /** Routines no entry point reaches. */
  readonly unreachable: string[]
  readonly unconnectedSlots: PortRef[]
  readonly unconnectedEvents: PortRef[]
  readonly problems: Problem[]
}

/** The graph facts of a flow, without judging them: what the analyzer and the D2 export build on. */
export interface FlowGraph {
  /** Routine ids in document order (first definition of each). */
  readonly ids: string[]
  /** Index of each id's first definition in `routines`. */
  readonly first: ReadonlyMap<string, number>
  readonly entryPoints: string[]
  readonly dependencies: ReadonlyMap<string, string[]>
  readonly cycles: string[][]
  readonly unreachable: string[]
  readonly levels: string[][]
  readonly ports: PortAnalysis
}

/** Computes entry points, dependencies, cycles, reachability and levels of a document. */
export function flowGraph(doc: FlowDocument, descriptors?: readonly RoutineTypeDescriptor[]): FlowGraph {
  const index = descriptors ? descriptorIndex(descriptors) : undefined
  const ids: string[] = []
  const first = new Map<string, number>()
  doc.routines.forEach((r, i) => {
    if (!first.has(r.id)) {
      first.set(r.id, i)
      ids.push(r.id)
    }
  })
  const ports = analyzePorts(doc, first, index)
  const entryPoints = ids.filter((id) => ports.entry.has(id))
  const edges: RoutineEdge[] = doc.connections
    .filter((c) => first.has(c.source.routine) && first.has(c.target.routine))
    .map((c) => ({ from: c.source.routine, to: c.target.routine }))
  const dependencies = dependencyLists(ids, edges)
  const next = successorLists(ids, edges)
  const reachable = reachableFrom(entryPoints, next)
  return {
    ids,
    first,
    entryPoints,
    dependencies,
    cycles: findCycles(ids, next),
    unreachable: ids.filter((id) => !reachable.has(id)),
    levels: executionLevels(ids, entryPoints, dependencies),
    ports,
  }
}

/** Analyses a loaded document. */
export function analyzeDocument(doc: FlowDocument, options: AnalyzeOptions = {}): FlowAnalysis {
  const problems: Problem[] = [...checkSemantics(doc, options.descriptors)]
  const index = options.descriptors ? descriptorIndex(options.descriptors) : undefined
  const graph = flowGraph(doc, options.descriptors)
  const { ids, first, entryPoints, cycles, unreachable, ports } = graph

  if (ids.length > 0 && entryPoints.length === 0) {
    problems.push(
      problem(
        'warning',
        AnalysisCode.NO_ENTRY_POINT,
        'no routine has a "trigger" slot, so the flow cannot be run',
        ['routines'],
      ),
    )
  }
  if (entryPoints.length > 0) {
    for (const id of unreachable) {
      problems.push(
        problem(
          'warning',
          AnalysisCode.UNREACHABLE_ROUTINE,
          `routine ${quoteName(id)} is not reachable from any entry point`,
          ['routines', first.get(id) as number],
          { routineId: id },
        ),
      )
    }
  }
  for (const cycle of cycles) {
    const shown = cycle.map((id) => quoteName(id, 40)).join(' → ')
    problems.push(
      problem(
        'info',
        AnalysisCode.CYCLE,
        cycle.length === 1 ? `routine ${shown} feeds itself` : `routines ${shown} form a cycle`,
        ['routines', first.get(cycle[0] as string) as number],
        { routineId: cycle[0] as string },
      ),
    )
  }
  problems.push(...ports.problems)
  if (index) problems.push(...checkConfigs(doc, index, first, options.validateConfig))

  return {
    entryPoints,
    dependencies: ids.map((id) => ({ routine: id, dependsOn: graph.dependencies.get(id) ?? [] })),
    levels: graph.levels,
    cycles,
    unreachable,
    unconnectedSlots: ports.unconnectedSlots,
    unconnectedEvents: ports.unconnectedEvents,
    problems: dedupeProblems(problems),
  }
}

function checkConfigs(
  doc: FlowDocument,
  index: ReadonlyMap<string, RoutineTypeDescriptor>,
  first: ReadonlyMap<string, number>,
  extra: AnalyzeOptions['validateConfig'],
): Problem[] {
  const problems: Problem[] = []
  doc.routines.forEach((r, i) => {
    if (first.get(r.id) !== i) return
    const descriptor = index.get(r.type)
    if (!descriptor) return
    const ids = { routineId: r.id }
    if (r.typeVersion !== undefined && r.typeVersion > descriptor.version) {
      problems.push(
        problem(
          'error',
          AnalysisCode.TYPE_VERSION_NEWER,
          `config was written for version ${r.typeVersion} of ${quoteName(r.type)}; this build has version ${descriptor.version}`,
          ['routines', i, 'typeVersion'],
          ids,
        ),
      )
      return
    }
    const oldConfig = r.typeVersion !== undefined && r.typeVersion < descriptor.version
    if (!oldConfig) {
      try {
        const found = validateAgainst(
          descriptor.configSchema as Schema,
          effectiveConfig(descriptor, r.config),
          ['routines', i, 'config'],
          DocumentProblemCode.INVALID_CONFIG,
        )
        for (const p of found) problems.push({ ...p, location: { ...p.location, ...ids } })
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        problems.push(
          problem(
            'warning',
            DocumentProblemCode.INVALID_CONFIG,
            `the config schema of ${quoteName(r.type)} could not be applied: ${message}`,
            ['routines', i, 'config'],
            ids,
          ),
        )
      }
    }
    if (extra) problems.push(...extra(r, i))
  })
  return problems
}

/** Removes problems repeated with the same severity, code, path and message, keeping the first. */
export function dedupeProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>()
  const out: Problem[] = []
  for (const p of problems) {
    const key = `${p.severity}\u0000${p.code}\u0000${p.location.path}\u0000${p.message}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(p)
  }
  return out
}
