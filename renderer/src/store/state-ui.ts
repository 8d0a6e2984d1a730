/** State and actions of the UI slice (see ui-slice.ts): panels, dialogs, theme, messages. */

import type { DraftInfo } from '../../../electron/ipc/contract'
import type { Point } from '../../../engine/document/types'

export type ThemePreference = 'system' | 'light' | 'dark'

export type PanelName = 'palette' | 'inspector' | 'problems' | 'runPanel' | 'minimap'

export type DialogState =
  | { readonly kind: 'open' }
  | {
      readonly kind: 'saveAs'
      /** Runs once the flow is saved: what "Save first" was asked before. */
      readonly then?: () => void
    }
  | { readonly kind: 'examples' }
  | { readonly kind: 'd2' /** Start with the run overlay of the focused job. */; readonly overlay?: boolean }
  | { readonly kind: 'shortcuts' }
  | { readonly kind: 'recovery'; readonly drafts: readonly DraftInfo[] }
  | {
      readonly kind: 'confirm'
      readonly title: string
      readonly message: string
      readonly confirmLabel: string
      readonly proceed: () => void
      /** Runs when the user declines (Cancel, Escape or the close button). */
      readonly cancel?: () => void
      /** An extra choice between cancel and confirm, e.g. "Save" before discarding. */
      readonly alternative?: { readonly label: string; readonly run: () => void }
    }

/** Where the quick-add box is and, when opened by dropping a connection, what it connects to. */
export interface QuickAddState {
  /** Position in screen pixels (relative to the canvas) for the box. */
  readonly screen: Point
  /** Position in flow coordinates for the new routine. */
  readonly flow: Point
  readonly from?: { readonly routine: string; readonly event?: string; readonly slot?: string }
}

export interface FindState {
  readonly open: boolean
  readonly query: string
  readonly index: number
}

export interface Toast {
  readonly id: number
  readonly message: string
  readonly level: 'info' | 'error'
}

/** A drag from a handle in progress: which port it started from. */
export interface ConnectingState {
  readonly routine: string
  readonly event?: string
  readonly slot?: string
  /**
   * Ports already wired to the dragged one, as `routine\u0000port` keys: dropping there would make a
   * duplicate, so they are drawn as refused while dragging.
   */
  readonly taken?: ReadonlySet<string>
}

/** A request for the canvas to centre on something (problems panel, find). */
export interface FocusRequest {
  readonly routineId?: string
  readonly connectionId?: string
  readonly serial: number
}

export interface Viewport {
  readonly x: number
  readonly y: number
  readonly zoom: number
}

export interface UiSlice {
  theme: ThemePreference
  /** The canvas viewport as of the last pan/zoom end (saved into the document's layout). */
  viewport: Viewport | null
  panels: Readonly<Record<PanelName, boolean>>
  dialog: DialogState | null
  quickAdd: QuickAddState | null
  find: FindState
  toasts: readonly Toast[]
  connecting: ConnectingState | null
  focusRequest: FocusRequest | null
  inspectorTab: 'selection' | 'flow'

  setTheme(theme: ThemePreference): void
  cycleTheme(): void
  togglePanel(panel: PanelName, open?: boolean): void
  openDialog(dialog: DialogState): void
  closeDialog(): void
  openQuickAdd(state: QuickAddState): void
  closeQuickAdd(): void
  setFind(patch: Partial<FindState>): void
  notify(message: string, level?: Toast['level']): void
  dismissToast(id: number): void
  setConnecting(state: ConnectingState | null): void
  requestFocus(target: { routineId?: string; connectionId?: string }): void
  setInspectorTab(tab: UiSlice['inspectorTab']): void
  setViewport(viewport: Viewport): void
  /** Installed by the command host (it owns the canvas); menu commands from the shell go through it. */
  setCommandRunner(runner: CommandRunner | null): void
  /**
   * Runs a command by id (menu, shortcut); false when no such command is known. `viaShortcut` marks a
   * desktop-menu command the user pressed as a key (see `MenuCommandMessage`). Commands arriving
   * before the command host is mounted wait for it.
   */
  dispatchCommand(command: string, arg?: string, viaShortcut?: boolean): boolean
}

/** Runs a command by id; false when no such command is known. */
export type CommandRunner = (command: string, arg?: string, viaShortcut?: boolean) => boolean
