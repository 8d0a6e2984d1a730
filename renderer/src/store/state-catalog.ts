/** State and actions of the catalog slice (see catalog-slice.ts): what the host offers. */

import type {
  AppInfo,
  BridgeStatus,
  ExampleInfo,
  RecentEntry,
  RegistryState,
} from '../../../electron/ipc/contract'
import type { Problem } from '../../../engine/document/types'
import type { RoutineTypeDescriptor } from '../../../engine/routines/descriptor'

export interface CatalogSlice {
  /** Routine types by type id. */
  descriptors: ReadonlyMap<string, RoutineTypeDescriptor>
  descriptorList: readonly RoutineTypeDescriptor[]
  registryProblems: readonly Problem[]
  examples: readonly ExampleInfo[]
  recent: readonly RecentEntry[]
  appInfo: AppInfo | null
  bridgeStatus: BridgeStatus

  setRegistry(state: Pick<RegistryState, 'descriptors' | 'problems'>): void
  setBridgeStatus(status: BridgeStatus): void
  /** Loads app info, routine types, examples and recent files from the host. */
  loadCatalog(): Promise<void>
  refreshRecent(): Promise<void>
}
