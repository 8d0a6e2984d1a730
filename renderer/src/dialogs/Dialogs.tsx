/** Shows whichever dialog the store says is open. */
import type { StudioState } from '../store/state'
import { useStudio } from '../store/useStudio'
import { D2ExportDialog } from './D2ExportDialog'
import { OpenDialog, SaveAsDialog } from './FileDialogs'
import { ShortcutsDialog } from './ShortcutsDialog'
import { ConfirmDialog, ExamplesDialog, RecoveryDialog } from './SimpleDialogs'

const selectDialog = (s: StudioState) => s.dialog

export function Dialogs() {
  const dialog = useStudio(selectDialog)
  if (!dialog) return null
  switch (dialog.kind) {
    case 'open':
      return <OpenDialog />
    case 'saveAs':
      return <SaveAsDialog />
    case 'examples':
      return <ExamplesDialog />
    case 'd2':
      return <D2ExportDialog />
    case 'shortcuts':
      return <ShortcutsDialog />
    case 'recovery':
      return <RecoveryDialog dialog={dialog} />
    case 'confirm':
      return <ConfirmDialog dialog={dialog} />
  }
}
