/**
 * Everything known about a flow file: load (or Python import), then what building it through the
 * registry and analysing it find, merged into one list without repeats.
 */
import { analyzeDocument } from '../../document/analyze'
import { buildFlow } from '../../document/build-flow'
import { openDocumentText } from '../../document/open-document'
import { formatProblem, hasErrors } from '../../document/problems'
import type { FlowDocument, Problem } from '../../document/types'
import type { Flow } from '../../flow'
import type { MetricsCollector } from '../../metrics/metrics-collector'
import { type CliIo, readFlowFile } from './io'
import type { CliRuntime } from './runtime'

/** A checked flow file. */
export interface CheckedFlow {
  readonly document?: FlowDocument
  /** The built flow, when the document loaded. */
  readonly flow?: Flow
  readonly entryPoints: string[]
  readonly problems: Problem[]
  /** True when no problem is an error. */
  readonly valid: boolean
  readonly source: 'routilux' | 'python'
}

/** Loads, builds and analyses a flow file. */
export async function checkFile(
  io: CliIo,
  runtime: CliRuntime,
  file: string,
  metrics?: MetricsCollector,
): Promise<CheckedFlow> {
  const text = await readFlowFile(io, file)
  const opened = openDocumentText(text, { descriptors: runtime.descriptors })
  if (!opened.document) {
    return { entryPoints: [], problems: opened.problems, valid: false, source: opened.source }
  }
  const built = buildFlow(opened.document, { registry: runtime.registry, ...(metrics && { metrics }) })
  const analysis = analyzeDocument(opened.document, { descriptors: runtime.descriptors })
  const problems = mergeProblems([...opened.problems, ...built.problems, ...analysis.problems])
  return {
    document: opened.document,
    flow: built.flow,
    entryPoints: analysis.entryPoints,
    problems,
    valid: !hasErrors(problems),
    source: opened.source,
  }
}

/**
 * Keeps the first problem per code and path: the loader, the registry and the analyzer may each
 * notice the same thing (an unknown type, an invalid config value) in their own words. A problem is
 * also dropped when an earlier one with its code points inside it (`$.connections[2].source.routine`
 * already explains `$.connections[2]`).
 */
export function mergeProblems(problems: readonly Problem[]): Problem[] {
  const kept: Problem[] = []
  for (const p of problems) {
    const path = p.location.path
    const repeated = kept.some(
      (k) =>
        k.code === p.code &&
        (k.location.path === path ||
          k.location.path.startsWith(`${path}.`) ||
          k.location.path.startsWith(`${path}[`)),
    )
    if (!repeated) kept.push(p)
  }
  return kept
}

/** Prints problems as `PATH: CODE message`, errors first; infos only when asked. */
export function printProblems(io: CliIo, problems: readonly Problem[], verbose = false): void {
  const order = { error: 0, warning: 1, info: 2 } as const
  const shown = problems
    .filter((p) => verbose || p.severity !== 'info')
    .map((p, i) => ({ p, i }))
    .sort((a, b) => order[a.p.severity] - order[b.p.severity] || a.i - b.i)
  for (const { p } of shown) io.stdout.write(`${formatProblem(p)}\n`)
}

/** A one-line count such as `2 errors, 1 warning`. */
export function countProblems(problems: readonly Problem[]): string {
  const count = (severity: Problem['severity'], word: string) => {
    const n = problems.filter((p) => p.severity === severity).length
    return n === 0 ? undefined : `${n} ${word}${n === 1 ? '' : 's'}`
  }
  return [count('error', 'error'), count('warning', 'warning'), count('info', 'note')]
    .filter(Boolean)
    .join(', ')
}
