import { describe, expect, it } from 'vitest'
import { createDocument } from '../../../engine/document/save'
import { validateSchema } from '../../../engine/document/schema-validate'
import { EXECUTION_BOUNDS, HANDLER_BOUNDS, numberProblem } from './number-bounds'

describe('numberProblem', () => {
  it('refuses timeouts of zero or less and above the timer limit', () => {
    expect(numberProblem(-5, EXECUTION_BOUNDS.handlerTimeoutMs)).toBe('Must be greater than 0.')
    expect(numberProblem(0, EXECUTION_BOUNDS.timeoutMs)).toBe('Must be greater than 0.')
    expect(numberProblem(3e9, EXECUTION_BOUNDS.timeoutMs)).toMatch(/at most/)
    expect(numberProblem(250, EXECUTION_BOUNDS.handlerTimeoutMs)).toBeUndefined()
  })

  it('asks for whole numbers where the format wants integers', () => {
    expect(numberProblem(2.5, EXECUTION_BOUNDS.maxWorkers)).toBe('Enter a whole number.')
    expect(numberProblem(0, EXECUTION_BOUNDS.maxWorkers)).toBe('Must be at least 1.')
    expect(numberProblem(-1, HANDLER_BOUNDS.maxRetries)).toBe('Must be at least 0.')
    expect(numberProblem(0, HANDLER_BOUNDS.retryBackoff)).toBe('Must be greater than 0.')
  })
})

describe('the bounds agree with the document schema', () => {
  it('accepts exactly the timeouts a saved document may hold', () => {
    for (const n of [-5, 0, 0.5, 1, 250, 2_147_483_647, 3e9]) {
      const doc = createDocument('flow')
      const withTimeout = { ...doc, execution: { ...doc.execution, handlerTimeoutMs: n } }
      const schemaOk = validateSchema(withTimeout).length === 0
      expect(numberProblem(n, EXECUTION_BOUNDS.handlerTimeoutMs) === undefined, String(n)).toBe(schemaOk)
    }
  })
})
