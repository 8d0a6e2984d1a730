/** The top bar: menus, the document title with its unsaved-changes dot, theme and help. */
import { useShallow } from 'zustand/react/shallow'
import { Icon } from '../icons/Icon'
import { RunToolbar } from '../run/RunToolbar'
import { isDirty } from '../store/files-slice'
import { useStudioStore } from '../store/StoreProvider'
import type { StudioState } from '../store/state'
import { useStudio } from '../store/useStudio'
import { MenuButton, type MenuEntry } from './MenuButton'

const selectBar = (s: StudioState) => ({
  name: s.doc.name,
  path: s.docPath,
  dirty: isDirty(s),
  recent: s.recent,
  theme: s.theme,
  canUndo: s.history.past.length > 0,
  canRedo: s.history.future.length > 0,
  hasSelection: s.selection.routines.size + s.selection.notes.size > 0,
})

const THEME_ICON = { system: 'contrast', light: 'sun', dark: 'moon' } as const

export function TopBar() {
  const store = useStudioStore()
  const bar = useStudio(useShallow(selectBar))
  const file: MenuEntry[] = [
    { command: 'file.new' },
    { command: 'file.open' },
    { command: 'file.openExample' },
    { command: 'file.save' },
    { command: 'file.saveAs' },
    { separator: true },
    { command: 'file.exportD2' },
    ...(bar.recent.length > 0 ? [{ separator: true } as const, { heading: 'Recent' } as const] : []),
    ...bar.recent
      .slice(0, 8)
      .map((r) => ({ command: 'file.openRecent', arg: r.path, label: r.path, disabled: !r.exists })),
  ]
  const edit: MenuEntry[] = [
    { command: 'edit.undo', disabled: !bar.canUndo },
    { command: 'edit.redo', disabled: !bar.canRedo },
    { separator: true },
    { command: 'edit.cut', disabled: !bar.hasSelection },
    { command: 'edit.copy', disabled: !bar.hasSelection },
    { command: 'edit.paste' },
    { command: 'edit.duplicate', disabled: !bar.hasSelection },
    { command: 'edit.delete' },
    { separator: true },
    { command: 'edit.selectAll' },
    { command: 'edit.find' },
    { command: 'edit.quickAdd' },
    { command: 'edit.addNote' },
  ]
  const layout: MenuEntry[] = [
    { command: 'layout.auto' },
    { separator: true },
    { command: 'layout.alignLeft' },
    { command: 'layout.alignCenter' },
    { command: 'layout.alignRight' },
    { command: 'layout.alignTop' },
    { command: 'layout.alignMiddle' },
    { command: 'layout.alignBottom' },
    { command: 'layout.distributeH' },
    { command: 'layout.distributeV' },
  ]
  const view: MenuEntry[] = [
    { command: 'view.fitView' },
    { command: 'view.zoomIn' },
    { command: 'view.zoomOut' },
    { command: 'view.zoomReset' },
    { separator: true },
    { command: 'view.togglePalette' },
    { command: 'view.toggleInspector' },
    { command: 'view.toggleProblems' },
    { command: 'view.toggleMinimap' },
    { command: 'view.theme' },
  ]
  const run: MenuEntry[] = [
    { command: 'run.start' },
    { command: 'run.pause' },
    { command: 'run.resume' },
    { command: 'run.cancel' },
    { separator: true },
    { command: 'run.clearOverlays' },
    { command: 'view.toggleRunPanel' },
  ]
  const help: MenuEntry[] = [
    { command: 'help.shortcuts' },
    { command: 'help.userGuide' },
    { command: 'help.about' },
  ]

  return (
    <header className="top-bar">
      <div className="brand" aria-hidden>
        <span className="brand-mark">
          <Icon name="brand" />
        </span>
      </div>
      <nav className="menus" aria-label="Main menu">
        <MenuButton label="File" entries={file} />
        <MenuButton label="Edit" entries={edit} />
        <MenuButton label="Layout" entries={layout} />
        <MenuButton label="View" entries={view} />
        <MenuButton label="Run" entries={run} />
        <MenuButton label="Help" entries={help} />
      </nav>
      <div className="doc-title" title={bar.path ?? 'Not saved yet'} data-testid="doc-title">
        {bar.dirty && (
          <span className="dirty-dot" title="Unsaved changes" data-testid="dirty-indicator">
            ●
          </span>
        )}
        <span className="doc-name">{bar.name}</span>
        <span className="doc-path muted">{bar.path ?? 'unsaved'}</span>
      </div>
      <div className="top-actions">
        <RunToolbar />
        <button
          type="button"
          className="icon-button"
          title={`Theme: ${bar.theme} (click to switch)`}
          aria-label={`Theme: ${bar.theme}`}
          onClick={() => store.getState().cycleTheme()}
        >
          <Icon name={THEME_ICON[bar.theme]} />
        </button>
        <button
          type="button"
          className="icon-button"
          title="Keyboard shortcuts (?)"
          aria-label="Keyboard shortcuts"
          onClick={() => store.getState().openDialog({ kind: 'shortcuts' })}
        >
          ?
        </button>
      </div>
    </header>
  )
}
