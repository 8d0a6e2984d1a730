/**
 * The preload script: the only renderer-side file that touches `ipcRenderer`. It exposes the narrow
 * `PreloadApi` (call a contract method, subscribe to a stream) to the isolated page; nothing else of
 * Electron or Node reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { PRELOAD_GLOBAL } from './ipc/contract'
import { createPreloadApi } from './ipc/preload-api'

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, createPreloadApi(ipcRenderer))
