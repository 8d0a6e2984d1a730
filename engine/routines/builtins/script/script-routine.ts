/**
 * Script routine (`script.javascript`): a slot handler written in JavaScript by the user. The code
 * runs through an injected `ScriptRunner` (the Node worker sandbox in the host), never in the host's
 * realm; this module only defines the type and forwards emits and logs.
 */
import { ErrorCode, RoutiluxError } from '../../../errors'
import { isRecord } from '../../../payload'
import type { Payload } from '../../../types'
import type { RoutineDefinition } from '../../definition'
import type { ScriptGrants, ScriptRunner } from '../../script-runner'
import { checkScriptSyntax } from '../../script-syntax'

/** Code a new script routine starts with. */
export const DEFAULT_SCRIPT = `// data: the input payload · config: this routine's config
// emit(event, payload) · log(level, message, data?) · meta: { routineId, slot, attempt, jobId }
emit('output', data)
`

function grantsOf(config: Readonly<Payload>): ScriptGrants {
  const grants = isRecord(config.grants) ? config.grants : {}
  const hosts = Array.isArray(grants.fetch_hosts)
    ? grants.fetch_hosts.filter((h) => typeof h === 'string')
    : []
  return { fetch: grants.fetch === true, fetchHosts: hosts as string[] }
}

function configForScript(config: Readonly<Payload>): Payload {
  const { code: _code, ...rest } = config
  return rest
}

/** The script routine type, running its code through `runner` (without one, runs fail with `INVALID_STATE`). */
export function scriptRoutine(runner?: ScriptRunner): RoutineDefinition {
  return {
    id: 'script.javascript',
    title: 'Script',
    category: 'script',
    description:
      'Runs your JavaScript for each input, isolated from the application, with a time and a memory limit. Use emit(event, payload) and log(level, message); no files, network or modules unless granted.',
    configSchema: {
      type: 'object',
      properties: {
        code: { type: 'string', title: 'Code', 'x-editor': 'javascript', default: DEFAULT_SCRIPT },
        slots: {
          type: 'array',
          title: 'Input slots',
          items: { type: 'string', minLength: 1 },
          uniqueItems: true,
          default: ['input'],
        },
        events: {
          type: 'array',
          title: 'Output events',
          items: { type: 'string', minLength: 1 },
          uniqueItems: true,
          default: ['output'],
        },
        timeout_ms: {
          type: 'integer',
          minimum: 1,
          maximum: 600_000,
          title: 'Time limit (ms)',
          default: 1000,
        },
        memory_mb: { type: 'integer', minimum: 8, maximum: 2048, title: 'Memory limit (MB)', default: 64 },
        grants: {
          type: 'object',
          title: 'Grants',
          description: 'Capabilities the script gets; all denied by default.',
          properties: {
            fetch: { type: 'boolean', title: 'Network (fetch)', default: false },
            fetch_hosts: {
              type: 'array',
              title: 'Hosts fetch may reach (empty = any)',
              items: { type: 'string' },
              default: [],
            },
          },
          default: {},
        },
      },
    },
    dynamicSlots: {
      configKey: 'slots',
      handler: async (data, ctx) => {
        if (!runner) {
          throw new RoutiluxError(ErrorCode.INVALID_STATE, 'no script runner is configured in this host')
        }
        const config = ctx.config
        const events = Array.isArray(config.events) ? (config.events as string[]) : ['output']
        const outcome = await runner.run({
          code: String(config.code ?? ''),
          data,
          config: configForScript(config),
          events,
          meta: { routineId: ctx.routineId, slot: ctx.slotName, attempt: ctx.attempt, jobId: ctx.job.jobId },
          timeoutMs: Number(config.timeout_ms ?? 1000),
          memoryMb: Number(config.memory_mb ?? 64),
          grants: grantsOf(config),
          signal: ctx.signal,
          onEmit: (event, payload) => ctx.emit(event, payload),
          onLog: (level, message, payload) => ctx.log(level, message, payload),
        })
        if (outcome.returned !== undefined && events.includes('output')) ctx.emit('output', outcome.returned)
      },
    },
    dynamicEvents: { configKey: 'events' },
    validateConfig: (config) =>
      typeof config.code !== 'string'
        ? []
        : checkScriptSyntax(config.code).map((d) => ({
            path: '$.code',
            message: `${d.message} (line ${d.line}, column ${d.column})`,
            code: ErrorCode.SCRIPT_SYNTAX_ERROR,
          })),
  }
}
