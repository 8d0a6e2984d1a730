import { describe, expect, it } from 'vitest'
import type { Problem } from '../../../engine/document/types'
import { chainDocument } from '../test/fixtures'
import { createStudioStore } from './studio-store'

const problem = (code: string, message: string): Problem => ({
  severity: 'warning',
  code,
  message,
  location: { path: '$.connections' },
})

describe('live validation', () => {
  it('keeps what a Python import asks to finish by hand next to the live findings', async () => {
    const store = createStudioStore()
    const ambiguous = problem(
      'PY_CONNECTION_AMBIGUOUS',
      'connection #0 is ambiguous; connect it in the editor',
    )
    store.getState().loadDocument({
      doc: chainDocument(),
      path: null,
      name: 'imported',
      modifiedAt: null,
      problems: [ambiguous, problem('UNREACHABLE_ROUTINE', 'stale finding of the loader')],
      dirty: false,
    })
    await store.getState().validateNow()
    const codes = store.getState().problems.map((p) => p.code)
    expect(codes).toContain('PY_CONNECTION_AMBIGUOUS')
    expect(codes).not.toContain('UNREACHABLE_ROUTINE')
  })
})
