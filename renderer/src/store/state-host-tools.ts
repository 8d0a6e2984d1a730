/** Actions of the host-tools slice (see host-tools-slice.ts): workspace browsing and D2 export. */
import type { D2Style, DocPath, WorkspaceEntry } from '../../../electron/ipc/contract'

export interface HostToolsSlice {
  /** Lists a workspace folder for the web-mode file browser. */
  listWorkspace(dir: DocPath): Promise<{ dir: DocPath; entries: readonly WorkspaceEntry[] }>
  createFolder(path: DocPath): Promise<DocPath>
  /** D2 text of the open document. */
  exportD2(style: D2Style, overlayJobId?: string): Promise<string>
  /** SVG of D2 text, rendered by the host's D2 compiler (rejects when it does not compile). */
  renderD2(text: string): Promise<string>
  /** Writes the diagram to `path` as D2 text or SVG. */
  saveD2(path: DocPath, format: 'd2' | 'svg', style: D2Style, overlayJobId?: string): Promise<DocPath>
  /** Asks the desktop shell for a path to save to; null when cancelled or not available. */
  chooseSavePath(kind: 'flow' | 'd2' | 'svg', defaultName: string): Promise<DocPath | null>
}
