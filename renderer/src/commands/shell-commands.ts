/**
 * How the page shares the keyboard with the desktop app's menu. Keys the menu owns (`menuKeys` from
 * `app.info`) are left to the menu, which sends the command back (`menu.command`); the page then
 * treats that command as it would have treated the key: Undo, Redo and Select All act on the text of
 * a focused field, and a command pressed as a shortcut is ignored while a dialog is open or, unless
 * it is meant for fields, while typing. One key press therefore runs one command, whichever side of
 * the process boundary sees it first.
 */
import { type KeyEventLike, matchesShortcut } from './keymap'

/** Menu commands that, with a text field focused, edit the field's text instead of the document. */
export const TEXT_EDITING: Readonly<Record<string, 'undo' | 'redo' | 'selectAll'>> = {
  'edit.undo': 'undo',
  'edit.redo': 'redo',
  'edit.selectAll': 'selectAll',
}

/** True when the desktop menu owns the key (the page must neither act on it nor swallow it). */
export function ownedByMenu(event: KeyEventLike, menuKeys: readonly string[], mac: boolean): boolean {
  return menuKeys.some((spec) => matchesShortcut(event, spec, mac))
}

/** What a command from the shell's menu does given where the user is. */
export function shellCommandAction(
  command: { readonly id: string; readonly inFields?: boolean },
  where: { readonly viaShortcut: boolean; readonly dialogOpen: boolean; readonly editingText: boolean },
): 'run' | 'editText' | 'ignore' {
  if (where.editingText && Object.hasOwn(TEXT_EDITING, command.id)) return 'editText'
  if (!where.viaShortcut) return 'run'
  if (where.dialogOpen) return 'ignore'
  if (where.editingText && !command.inFields) return 'ignore'
  return 'run'
}
