/** Workspace browsing and D2 export through the bridge. */
import type { SliceCreator } from './state'
import type { HostToolsSlice } from './state-host-tools'

export const createHostToolsSlice: SliceCreator<HostToolsSlice> = (_set, get, _store, { bridge }) => {
  const need = () => {
    if (!bridge) throw { code: 'DISCONNECTED', message: 'No host is connected.' }
    return bridge
  }
  return {
    async listWorkspace(dir) {
      return need().call('workspace.list', { dir })
    },
    async createFolder(path) {
      return (await need().call('workspace.createFolder', { path })).path
    },
    async exportD2(style, overlayJobId) {
      const overlay = overlayJobId !== undefined ? { overlayJobId } : {}
      return (await need().call('d2.export', { document: get().doc, style, ...overlay })).text
    },
    async renderD2(text) {
      return (await need().call('d2.render', { text })).svg
    },
    async saveD2(path, format, style, overlayJobId) {
      const overlay = overlayJobId !== undefined ? { overlayJobId } : {}
      return (await need().call('d2.save', { path, format, document: get().doc, style, ...overlay })).path
    },
    async chooseSavePath(kind, defaultName) {
      if (!bridge || !get().appInfo?.capabilities.nativeDialogs) return null
      return (await bridge.call('dialog.save', { title: 'Save', defaultName, kind })).path
    },
  }
}
