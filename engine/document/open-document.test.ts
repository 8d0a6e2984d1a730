import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { openDocumentText } from './open-document'
import { saveDocument } from './save'
import { orderPipeline } from './test-fixtures'

describe('opening flow text in either format', () => {
  it('loads Routilux Studio documents', () => {
    const result = openDocumentText(saveDocument(orderPipeline()))
    expect(result).toMatchObject({ source: 'routilux', ok: true })
    expect(result.document?.routines).toHaveLength(3)
  })

  it('imports Python Routilux payloads', () => {
    const text = readFileSync(
      new URL('./fixtures/python-flows/etl_pipeline.py-flow.json', import.meta.url),
      'utf8',
    )
    const result = openDocumentText(text)
    expect(result.source).toBe('python')
    expect(result.document?.id).toBe('etl_pipeline')
  })

  it('reports invalid text with a position', () => {
    expect(openDocumentText('{"a": [1, }').problems[0]?.message).toMatch(/line 1, column 11/)
  })
})
