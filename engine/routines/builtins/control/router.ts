/**
 * ConditionalRouter (`control.router`): sends its input to the routes whose condition holds.
 * Conditions are expressions (docs/expressions.md), never code.
 */
import type { RoutineContext } from '../../../context'
import { ErrorCode } from '../../../errors'
import type { Payload } from '../../../types'
import type { RoutineDefinition } from '../../definition'
import type { ConfigIssue } from '../../descriptor-config'
import { type CompiledExpression, compileExpression, ExpressionError } from '../../expression'
import { extractInput } from '../shared/input'
import { migrateRouterV1 } from './router-migrate'

interface Route {
  readonly name: string
  readonly condition: string
}

const compiled = new WeakMap<readonly Route[], CompiledExpression[]>()

function compileRoutes(routes: readonly Route[]): CompiledExpression[] {
  let result = compiled.get(routes)
  if (!result) {
    result = routes.map((route) => compileExpression(route.condition))
    compiled.set(routes, result)
  }
  return result
}

function handleInput(payload: Payload, ctx: RoutineContext): void {
  const config = ctx.config
  const routes = (config.routes ?? []) as readonly Route[]
  const conditions = compileRoutes(routes)
  const data = extractInput(payload)
  const scope = { data, config, payload }
  const allMatches = config.route_priority === 'all_matches'
  const matched: string[] = []
  for (const [i, route] of routes.entries()) {
    let hit = false
    try {
      hit = (conditions[i] as CompiledExpression).test(scope)
    } catch (error) {
      if (!(error instanceof ExpressionError) || config.on_error !== 'no_match') throw error
      ctx.log('warn', `route "${route.name}": ${error.message}; treated as no match`, { route: route.name })
    }
    if (hit && !matched.includes(route.name)) {
      matched.push(route.name)
      if (!allMatches) break
    }
  }
  for (const name of matched) ctx.emit(name, { data, route: name })
  if (matched.length > 0) return
  const fallback = config.default_route
  if (typeof fallback === 'string' && fallback.length > 0) ctx.emit(fallback, { data, route: fallback })
  else ctx.emit('output', { data, route: 'unmatched' })
}

function checkRoutes(config: Payload): ConfigIssue[] {
  const issues: ConfigIssue[] = []
  const routes = Array.isArray(config.routes) ? (config.routes as Partial<Route>[]) : []
  const seen = new Set<string>()
  routes.forEach((route, i) => {
    if (typeof route?.name === 'string') {
      if (seen.has(route.name)) {
        issues.push({
          path: `$.routes[${i}].name`,
          message: `duplicate route "${route.name}"`,
          code: ErrorCode.INVALID_CONFIG,
        })
      }
      seen.add(route.name)
    }
    if (typeof route?.condition !== 'string') return
    try {
      compileExpression(route.condition)
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error
      issues.push({ path: `$.routes[${i}].condition`, message: error.message, code: error.code })
    }
  })
  return issues
}

/** ConditionalRouter: routes as data, evaluated in order. */
export const conditionalRouter: RoutineDefinition = {
  id: 'control.router',
  title: 'Conditional Router',
  category: 'control_flow',
  description:
    'Sends the input to every route whose condition holds (or only the first, by priority); unmatched input goes to the default route or to "output".',
  version: 2,
  migrations: { 1: migrateRouterV1 },
  configSchema: {
    type: 'object',
    properties: {
      routes: {
        type: 'array',
        title: 'Routes',
        description: 'Evaluated in order; each route is an output event named after it.',
        items: {
          type: 'object',
          properties: {
            name: { type: 'string', minLength: 1, title: 'Route (event name)' },
            condition: { type: 'string', title: 'Condition', 'x-editor': 'expression' },
          },
          required: ['name', 'condition'],
        },
        default: [],
      },
      default_route: {
        type: ['string', 'null'],
        title: 'Default route',
        description: 'Event for input no route matched; empty = emit "output" with route "unmatched".',
        default: null,
      },
      route_priority: {
        enum: ['first_match', 'all_matches'],
        title: 'Priority',
        default: 'first_match',
      },
      on_error: {
        enum: ['fail', 'no_match'],
        title: 'When a condition fails to evaluate',
        description:
          '"fail" raises EXPRESSION_ERROR (handled by the error strategy); "no_match" logs a warning.',
        default: 'fail',
      },
    },
  },
  slots: [{ name: 'input', params: ['data'], handler: handleInput }],
  events: [
    {
      name: 'output',
      params: ['data', 'route'],
      description: 'Input that matched no route (route "unmatched").',
    },
  ],
  dynamicEvents: { configKey: 'routes', field: 'name', singleKeys: ['default_route'] },
  validateConfig: checkRoutes,
}
