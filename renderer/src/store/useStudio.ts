/** Subscribes a component to a slice of the studio store (selectors at module scope, please). */
import { useStore } from 'zustand'
import { useStudioStore } from './StoreProvider'
import type { StudioState } from './state'

export function useStudio<T>(selector: (state: StudioState) => T): T {
  return useStore(useStudioStore(), selector)
}
