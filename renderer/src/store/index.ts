export { StoreProvider, useStudioStore } from './StoreProvider'
export type { StudioState, StudioStore } from './state'
export { createStudioStore } from './studio-store'
export { useStudio } from './useStudio'
