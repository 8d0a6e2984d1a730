/**
 * Native open/save dialogs for the desktop shell (`dialog.open`, `dialog.save`). The chosen path is
 * granted to the renderer by the host; nothing else on disk is.
 */
import type { BrowserWindow, FileFilter } from 'electron'
import { dialog } from 'electron'
import type { DialogProvider } from '../host/host-handlers'

const FILTERS: Record<'flow' | 'd2' | 'svg' | 'snapshot', FileFilter[]> = {
  flow: [{ name: 'Routilux flow', extensions: ['routilux.json', 'json'] }],
  d2: [{ name: 'D2 diagram', extensions: ['d2'] }],
  svg: [{ name: 'SVG image', extensions: ['svg'] }],
  snapshot: [{ name: 'Job snapshot', extensions: ['json'] }],
}

export function nativeDialogs(window: () => BrowserWindow | undefined): DialogProvider {
  return {
    async open(request) {
      const parent = window()
      const options = {
        title: request.title ?? 'Open flow',
        properties: ['openFile' as const],
        filters: [...FILTERS.flow, { name: 'All files', extensions: ['*'] }],
      }
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async save(request) {
      const parent = window()
      const options = {
        title: request.title ?? 'Save',
        ...(request.defaultName !== undefined && { defaultPath: request.defaultName }),
        filters: FILTERS[request.kind ?? 'flow'],
      }
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options)
      return result.canceled ? null : (result.filePath ?? null)
    },
  }
}
