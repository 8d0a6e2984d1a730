/**
 * Filter (`flow.filter`): passes a payload on `passed` when a condition holds, else on `rejected`.
 */
import { ErrorCode } from '../../../errors'
import type { Payload } from '../../../types'
import type { RoutineDefinition } from '../../definition'
import type { ConfigIssue } from '../../descriptor-config'
import { compileExpression, ExpressionError } from '../../expression'
import { cachedExpression } from '../shared/expressions'
import { extractInput } from '../shared/input'

/** Config check shared by expression-driven routines: every listed key must parse. */
export function expressionIssues(entries: Array<[path: string, source: unknown]>): ConfigIssue[] {
  const issues: ConfigIssue[] = []
  for (const [path, source] of entries) {
    if (typeof source !== 'string') continue
    try {
      compileExpression(source)
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error
      issues.push({ path, message: error.message, code: ErrorCode.EXPRESSION_ERROR })
    }
  }
  return issues
}

/** Filter: `condition` over `data` (the input) and `config`. */
export const filter: RoutineDefinition = {
  id: 'flow.filter',
  title: 'Filter',
  category: 'flow',
  description: 'Passes the payload on "passed" when the condition holds, otherwise on "rejected".',
  icon: '⏚',
  configSchema: {
    type: 'object',
    properties: {
      condition: { type: 'string', title: 'Condition', 'x-editor': 'expression', default: 'true' },
    },
  },
  slots: [
    {
      name: 'input',
      handler: (payload: Payload, ctx) => {
        const condition = cachedExpression(String(ctx.config.condition ?? 'true'))
        const pass = condition.test({ data: extractInput(payload), config: ctx.config, payload })
        ctx.emit(pass ? 'passed' : 'rejected', payload)
      },
    },
  ],
  events: [
    { name: 'passed', params: [], description: 'The payload, unchanged.' },
    { name: 'rejected', params: [], description: 'The payload, unchanged.' },
  ],
  validateConfig: (config) => expressionIssues([['$.condition', config.condition]]),
}
