/**
 * DataValidator (`data.validator`): checks its input against rules given as data (check names or
 * expressions) and emits `valid` or `invalid`.
 */
import { ErrorCode } from '../../../errors'
import { isRecord } from '../../../payload'
import type { Payload } from '../../../types'
import type { RoutineDefinition } from '../../definition'
import type { ConfigIssue } from '../../descriptor-config'
import { compileExpression, ExpressionError } from '../../expression'
import { extractInput, without } from '../shared/input'
import { CHECKS } from './checks'
import { RULE_VARIABLES, validateData } from './validate-rules'

const ruleSchema = {
  anyOf: [
    { type: 'string', enum: Object.keys(CHECKS) },
    {
      type: 'object',
      properties: {
        expression: { type: 'string', 'x-editor': 'expression' },
        message: { type: 'string' },
      },
      required: ['expression'],
    },
  ],
}

function checkRuleExpressions(config: Payload): ConfigIssue[] {
  const issues: ConfigIssue[] = []
  const rules = isRecord(config.rules) ? config.rules : {}
  for (const [field, rule] of Object.entries(rules)) {
    const list = Array.isArray(rule) ? rule : [rule]
    list.forEach((one, i) => {
      if (!isRecord(one) || typeof one.expression !== 'string') return
      try {
        compileExpression(one.expression, { variables: RULE_VARIABLES })
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error
        const at = Array.isArray(rule) ? `[${i}]` : ''
        issues.push({
          path: `$.rules[${JSON.stringify(field)}]${at}.expression`,
          message: error.message,
          code: ErrorCode.EXPRESSION_ERROR,
        })
      }
    })
  }
  return issues
}

/** DataValidator: `rules` per field, required fields, extra-field policy, strict mode. */
export const dataValidator: RoutineDefinition = {
  id: 'data.validator',
  title: 'Data Validator',
  category: 'data_processing',
  description:
    'Validates the input: required fields, a rule per field (a check name such as is_int or an expression over value), extra fields; emits valid or invalid.',
  configSchema: {
    type: 'object',
    properties: {
      rules: {
        type: 'object',
        title: 'Rules',
        description:
          'Field → check name, {expression, message}, or a list of them. "items" checks list elements, "value" a plain input.',
        additionalProperties: { anyOf: [ruleSchema, { type: 'array', items: ruleSchema }] },
        default: {},
      },
      required_fields: { type: 'array', items: { type: 'string' }, title: 'Required fields', default: [] },
      allow_extra_fields: { type: 'boolean', title: 'Allow fields without a rule', default: true },
      strict_mode: { type: 'boolean', title: 'Stop at the first error', default: false },
    },
  },
  slots: [
    {
      name: 'input',
      params: ['data', 'rules'],
      description: 'A non-empty "rules" object in the payload replaces the configured rules.',
      handler: (payload, ctx) => {
        const config = ctx.config
        const messageRules =
          isRecord(payload.rules) && Object.keys(payload.rules).length > 0 ? payload.rules : undefined
        const data = extractInput(without(payload, 'rules'))
        const errors = validateData(data, {
          rules: messageRules ?? (isRecord(config.rules) ? config.rules : {}),
          requiredFields: Array.isArray(config.required_fields) ? (config.required_fields as string[]) : [],
          allowExtraFields: config.allow_extra_fields !== false,
          strict: config.strict_mode === true,
          config,
        })
        if (errors.length > 0) ctx.emit('invalid', { errors, data })
        else ctx.emit('valid', { validated_data: data })
      },
    },
  ],
  events: [
    { name: 'valid', params: ['validated_data'] },
    { name: 'invalid', params: ['errors', 'data'] },
  ],
  validateConfig: checkRuleExpressions,
}
