/**
 * Commands the desktop shell sends to the renderer (`menu.command` stream). The application menu,
 * the command line, a second app instance and the close prompt all speak through these; the renderer
 * implements every action. Pure types only.
 */

/** Every command the shell can send. */
export type MenuCommand =
  | 'file.new'
  | 'file.open'
  | 'file.openRecent'
  | 'file.openExample'
  | 'file.openPath'
  | 'file.save'
  | 'file.saveAs'
  | 'file.exportD2'
  | 'file.exportSvg'
  | 'edit.undo'
  | 'edit.redo'
  | 'edit.cut'
  | 'edit.copy'
  | 'edit.paste'
  | 'edit.selectAll'
  | 'edit.find'
  | 'view.zoomIn'
  | 'view.zoomOut'
  | 'view.zoomReset'
  | 'view.fitView'
  | 'view.togglePalette'
  | 'view.toggleInspector'
  | 'view.toggleRunPanel'
  | 'view.toggleProblems'
  | 'view.theme'
  | 'run.start'
  | 'run.pause'
  | 'run.resume'
  | 'run.cancel'
  | 'help.shortcuts'
  | 'help.userGuide'
  | 'help.about'
  | 'app.saveBeforeClose'

/**
 * Payload of `menu.command`. `arg` carries the command's argument:
 * - `file.openRecent`, `file.openPath`: the document path (`file.openPath` comes from the command line
 *   or a second app instance);
 * - `file.openExample`: the example id;
 * - `view.theme`: `light`, `dark` or `system`.
 *
 * `app.saveBeforeClose` asks the renderer to save because the user chose "Save" in the close prompt;
 * the renderer then reports the outcome with `app.setDocumentState`: clean closes the window, still
 * dirty (save failed or cancelled) keeps it open.
 */
export interface MenuCommandMessage {
  readonly command: MenuCommand
  readonly arg?: string
  /**
   * True when the user pressed the item's shortcut rather than clicking it. The renderer then applies
   * its keyboard rules: nothing while a dialog is open, and in a text field only the commands meant
   * to work there (Undo, Redo and Select All act on the field's text).
   */
  readonly viaShortcut?: boolean
}
