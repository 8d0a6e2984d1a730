/** Problems grouped by the routine or connection they concern, for markers on the canvas. */
import type { Problem } from '../../../engine/document/types'
import type { ProblemIndex, ProblemLevel } from '../canvas/flow-mapper'

/** Worst level per routine and per connection (errors beat warnings; infos are not marked). */
export function indexProblems(problems: readonly Problem[]): ProblemIndex {
  const routines = new Map<string, ProblemLevel>()
  const connections = new Map<string, ProblemLevel>()
  for (const p of problems) {
    if (p.severity === 'info') continue
    if (p.location.routineId !== undefined) raise(routines, p.location.routineId, p.severity)
    if (p.location.connectionId !== undefined) raise(connections, p.location.connectionId, p.severity)
  }
  return { routines, connections }
}

function raise(map: Map<string, ProblemLevel>, id: string, level: ProblemLevel): void {
  if (map.get(id) !== 'error') map.set(id, level)
}

/** Problems sorted errors first, then warnings, then infos, keeping document order within a level. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const rank = { error: 0, warning: 1, info: 2 } as const
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank[a.p.severity] - rank[b.p.severity] || a.i - b.i)
    .map(({ p }) => p)
}
