/** Store selectors used by canvas components (module scope, so their identity never changes). */
import type { ReactFlowState } from '@xyflow/react'
import type { StudioState } from '../store/state'

/** Below this zoom nodes drop their labels (level of detail for large flows). */
export const LOW_DETAIL_ZOOM = 0.45

export const selectLowDetail = (s: ReactFlowState): boolean => s.transform[2] < LOW_DETAIL_ZOOM
export const selectConnecting = (s: StudioState) => s.connecting
export const selectRoutineLive = (id: string) => (s: StudioState) => s.routineLive.get(id)
export const selectConnectionLive = (id: string) => (s: StudioState) => s.connectionLive.get(id)
