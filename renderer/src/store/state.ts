/**
 * The studio store's shape: one interface per slice, state and actions together per slice, all
 * combined into `StudioState`. Implementations live in the `*-slice.ts` files next to this one.
 */
import type { Mutate, StoreApi } from 'zustand'
import type { StudioBridge } from '../../../electron/ipc/contract'
import type { FlowDocument } from '../../../engine/document/types'
import type { CatalogSlice } from './state-catalog'
import type { DocumentSlice } from './state-document'
import type { EditingSlice } from './state-editing'
import type { FilesSlice } from './state-files'
import type { HostToolsSlice } from './state-host-tools'
import type { RunSlice } from './state-run'
import type { SelectionSlice } from './state-selection'
import type { UiSlice } from './state-ui'
import type { ValidationSlice } from './state-validation'

export type StudioState = DocumentSlice &
  SelectionSlice &
  EditingSlice &
  UiSlice &
  CatalogSlice &
  FilesSlice &
  HostToolsSlice &
  ValidationSlice &
  RunSlice

export type StudioStore = Mutate<StoreApi<StudioState>, [['zustand/subscribeWithSelector', never]]>

/** Creates one slice; `deps` carries the bridge (null in unit tests of pure editing). */
export type SliceCreator<T> = (
  set: StudioStore['setState'],
  get: () => StudioState,
  store: StudioStore,
  deps: StoreDeps,
) => T

export interface StoreDeps {
  readonly bridge: StudioBridge | null
  /** The function slices use to read the clock (tests pass a fake). */
  readonly now: () => number
}

export type DocumentFn = (doc: FlowDocument) => FlowDocument
