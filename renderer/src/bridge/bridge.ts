/**
 * The page's single bridge instance, created on first use. Store actions reach the host through it;
 * components never call it directly.
 */
import type { StudioBridge } from '../../../electron/ipc/contract'
import { type BridgeEnvironment, createBridge } from './create-bridge'

let instance: StudioBridge | undefined

/** The bridge for this page (created from `window` on first call). */
export function getBridge(): StudioBridge {
  instance ??= createBridge(window as unknown as BridgeEnvironment)
  return instance
}

/** Replaces the page's bridge (tests and previews inject a fake). */
export function setBridge(bridge: StudioBridge): void {
  instance = bridge
}
