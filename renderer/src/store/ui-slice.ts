/** Panels, dialogs, theme and transient messages. */
import type { SliceCreator } from './state'
import type { CommandRunner, ThemePreference, UiSlice } from './state-ui'

const THEME_KEY = 'routilux.theme'
/** Commands kept while no command host is mounted (more means something is stuck; drop them). */
const MAX_WAITING_COMMANDS = 20
const THEMES: readonly ThemePreference[] = ['system', 'light', 'dark']
const TOAST_MS = 3500

/** The saved theme preference (a viewer setting, never stored in documents). */
export function storedTheme(): ThemePreference {
  try {
    const value = globalThis.localStorage?.getItem(THEME_KEY)
    return THEMES.includes(value as ThemePreference) ? (value as ThemePreference) : 'system'
  } catch {
    return 'system'
  }
}

function saveTheme(theme: ThemePreference): void {
  try {
    globalThis.localStorage?.setItem(THEME_KEY, theme)
  } catch {
    // Storage can be unavailable (private mode, sandbox); the preference then lasts for this run.
    return
  }
}

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => {
  let toastSerial = 0
  let runner: CommandRunner | null = null
  /**
   * Commands that arrived while no command host was mounted: a file handed over by the command line
   * reaches the page as soon as it subscribes, possibly before React has mounted the editor.
   */
  const waiting: Parameters<CommandRunner>[] = []
  let focusSerial = 0
  return {
    theme: storedTheme(),
    viewport: null,
    panels: { palette: true, inspector: true, problems: false, runPanel: false, minimap: true },
    dialog: null,
    quickAdd: null,
    find: { open: false, query: '', index: 0 },
    toasts: [],
    connecting: null,
    focusRequest: null,
    inspectorTab: 'selection',

    setTheme(theme) {
      saveTheme(theme)
      set({ theme })
    },
    cycleTheme() {
      const index = THEMES.indexOf(get().theme)
      get().setTheme(THEMES[(index + 1) % THEMES.length] ?? 'system')
    },
    togglePanel(panel, open) {
      const panels = get().panels
      const value = open ?? !panels[panel]
      if (panels[panel] !== value) set({ panels: { ...panels, [panel]: value } })
    },
    openDialog(dialog) {
      set({ dialog, quickAdd: null })
    },
    closeDialog() {
      if (get().dialog) set({ dialog: null })
    },
    openQuickAdd(quickAdd) {
      set({ quickAdd })
    },
    closeQuickAdd() {
      if (get().quickAdd) set({ quickAdd: null })
    },
    setFind(patch) {
      set({ find: { ...get().find, ...patch } })
    },
    notify(message, level = 'info') {
      toastSerial += 1
      const id = toastSerial
      set({ toasts: [...get().toasts.slice(-3), { id, message, level }] })
      setTimeout(() => get().dismissToast(id), level === 'error' ? TOAST_MS * 2 : TOAST_MS)
    },
    dismissToast(id) {
      const toasts = get().toasts
      if (toasts.some((t) => t.id === id)) set({ toasts: toasts.filter((t) => t.id !== id) })
    },
    setConnecting(connecting) {
      set({ connecting })
    },
    requestFocus(target) {
      focusSerial += 1
      set({ focusRequest: { ...target, serial: focusSerial } })
    },
    setInspectorTab(inspectorTab) {
      set({ inspectorTab })
    },
    setViewport(viewport) {
      set({ viewport })
    },
    setCommandRunner(next) {
      runner = next
      if (next) for (const args of waiting.splice(0)) next(...args)
    },
    dispatchCommand(command, arg, viaShortcut) {
      if (runner) return runner(command, arg, viaShortcut)
      if (waiting.length < MAX_WAITING_COMMANDS) waiting.push([command, arg, viaShortcut])
      return true
    },
  }
}
