/** The one studio store: all slices combined, middleware applied once at the root. */

import { subscribeWithSelector } from 'zustand/middleware'
import { createStore } from 'zustand/vanilla'
import { createCatalogSlice } from './catalog-slice'
import { createDocumentSlice } from './document-slice'
import { createEditingSlice } from './editing-slice'
import { createFilesSlice } from './files-slice'
import { createHostToolsSlice } from './host-tools-slice'
import { createRunSlice } from './run-slice'
import { createSelectionSlice } from './selection-slice'
import type { StoreDeps, StudioState, StudioStore } from './state'
import { createUiSlice } from './ui-slice'
import { createValidationSlice, startLiveValidation } from './validation-slice'

/** Creates a studio store; `bridge` is null when no host is reachable (and in unit tests). */
export function createStudioStore(deps: Partial<StoreDeps> = {}): StudioStore {
  const full: StoreDeps = { bridge: deps.bridge ?? null, now: deps.now ?? Date.now }
  const store = createStore<StudioState>()(
    subscribeWithSelector((set, get, store) => ({
      ...createDocumentSlice(set, get, store, full),
      ...createSelectionSlice(set, get, store, full),
      ...createEditingSlice(set, get, store, full),
      ...createUiSlice(set, get, store, full),
      ...createCatalogSlice(set, get, store, full),
      ...createFilesSlice(set, get, store, full),
      ...createHostToolsSlice(set, get, store, full),
      ...createValidationSlice(set, get, store, full),
      ...createRunSlice(set, get, store, full),
    })),
  )
  startLiveValidation(store)
  return store
}
