/**
 * Version 1 of the router config is Routilux's own layout: routes as `[name, condition]` pairs where
 * a condition is a Python-style expression string or a `{key: expected}` dict. Version 2 stores
 * `{name, condition}` objects with expression strings.
 */
import { isRecord } from '../../../payload'
import type { Payload } from '../../../types'

/** Upgrades a version-1 router config (Routilux layout) to version 2. */
export function migrateRouterV1(config: Payload): Payload {
  const routes = Array.isArray(config.routes) ? config.routes : []
  return {
    ...config,
    routes: routes.map((route, i) => {
      if (isRecord(route)) return route
      if (!Array.isArray(route) || route.length !== 2 || typeof route[0] !== 'string') {
        throw new Error(`route ${i} is not a [name, condition] pair`)
      }
      return { name: route[0], condition: conditionText(route[1], route[0]) }
    }),
  }
}

function conditionText(condition: unknown, name: string): string {
  if (typeof condition === 'string') return condition
  if (isRecord(condition) && !('_type' in condition)) {
    const parts = Object.entries(condition).map(
      ([key, expected]) => `data.get(${JSON.stringify(key)}) == ${literal(expected)}`,
    )
    return parts.length === 0 ? 'true' : parts.join(' and ')
  }
  throw new Error(
    `the condition of route "${name}" is code, which cannot be converted; rewrite it as an expression`,
  )
}

function literal(value: unknown): string {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`
  throw new Error('dict conditions may only compare with strings, numbers, booleans, null or lists')
}
