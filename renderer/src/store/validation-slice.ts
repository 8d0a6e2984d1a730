/**
 * Live validation: shortly after each document change (never during a drag) the document is
 * checked with the engine's pure validator against the known routine types.
 */

import type { Problem } from '../../../engine/document/types'
import { createLiveValidator } from '../document/live-validator'
import { indexProblems, sortProblems } from '../document/problem-index'
import type { SliceCreator, StudioStore } from './state'
import type { ValidationSlice } from './state-validation'

const DEBOUNCE_MS = 250

/** Findings only loading can make (they vanish once the file is saved in the current format). */
const LOAD_ONLY_CODES = new Set([
  'DOC_MIGRATED',
  'DOC_UNKNOWN_KEY',
  'DOC_ORPHAN_POSITION',
  'DOC_PYTHON_PAYLOAD',
])

/** Load findings to keep next to the live ones; a Python import's say what to finish by hand. */
const isLoadOnly = (p: Problem) => LOAD_ONLY_CODES.has(p.code) || p.code.startsWith('PY_')

/** Re-validates shortly after the document, the routine types or the load findings change. */
export function startLiveValidation(store: StudioStore): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      if (store.getState().transientBase) schedule()
      else void store.getState().validateNow()
    }, DEBOUNCE_MS)
  }
  const unsubscribe = store.subscribe((s) => [s.doc, s.descriptorList, s.loadProblems] as const, schedule, {
    equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2],
  })
  return () => {
    if (timer !== undefined) clearTimeout(timer)
    unsubscribe()
  }
}

export const createValidationSlice: SliceCreator<ValidationSlice> = (set, get) => {
  const validator = createLiveValidator()
  return {
    problems: [],
    problemIndex: { routines: new Map(), connections: new Map() },

    async validateNow() {
      const { doc, descriptorList, loadProblems, unreadableText } = get()
      let problems: Problem[]
      if (unreadableText !== null) {
        problems = [...loadProblems]
      } else {
        const live = await validator.validate(doc, descriptorList)
        // A newer request is under way, or the document changed again while this one ran.
        if (live === undefined || get().doc !== doc) return
        problems = [...live, ...loadProblems.filter(isLoadOnly)]
      }
      const sorted = sortProblems(problems)
      set({ problems: sorted, problemIndex: indexProblems(sorted) })
    },
  }
}
