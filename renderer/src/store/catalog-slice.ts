/** Routine types, examples, recent files and host facts, loaded through the bridge. */
import type { SliceCreator } from './state'
import type { CatalogSlice } from './state-catalog'

export const createCatalogSlice: SliceCreator<CatalogSlice> = (set, get, _store, { bridge }) => ({
  descriptors: new Map(),
  descriptorList: [],
  registryProblems: [],
  examples: [],
  recent: [],
  appInfo: null,
  bridgeStatus: bridge ? 'connecting' : 'disconnected',

  setRegistry({ descriptors, problems }) {
    set({
      descriptorList: descriptors,
      descriptors: new Map(descriptors.map((d) => [d.type, d])),
      registryProblems: problems,
    })
  },
  setBridgeStatus(bridgeStatus) {
    set({ bridgeStatus })
  },
  async loadCatalog() {
    if (!bridge) return
    const [info, registry, examples] = await Promise.all([
      bridge.call('app.info', {}),
      bridge.call('registry.describe', {}),
      bridge.call('document.listExamples', {}),
    ])
    set({ appInfo: info, examples: examples.examples })
    get().setRegistry(registry)
    await get().refreshRecent()
  },
  async refreshRecent() {
    if (!bridge) return
    const { entries } = await bridge.call('document.recent', {})
    set({ recent: entries })
  },
})
