/** Open and Save As over the workspace (web mode). */
import { DOCUMENT_EXTENSION } from '../../../engine/document/types'
import { useStudioStore } from '../store/StoreProvider'
import type { StudioState } from '../store/state'
import { useStudio } from '../store/useStudio'
import { FileBrowser } from './FileBrowser'
import { flowFilePath, isOpenable } from './file-name'
import { Modal } from './Modal'

const selectName = (s: StudioState) =>
  s.docPath?.split('/').pop() ?? `${slug(s.doc.name)}${DOCUMENT_EXTENSION}`
/** The folder of the open document (workspace-relative), where the dialogs start. */
const selectDocDir = (s: StudioState) =>
  s.docPath?.includes('/') ? s.docPath.slice(0, s.docPath.lastIndexOf('/')) : ''
const selectAfterSave = (s: StudioState) => (s.dialog?.kind === 'saveAs' ? s.dialog.then : undefined)

/** A file-name-friendly version of a flow name. */
export function slug(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return cleaned === '' ? 'flow' : cleaned
}

export function OpenDialog() {
  const store = useStudioStore()
  const docDir = useStudio(selectDocDir)
  const close = () => store.getState().closeDialog()
  return (
    <Modal title="Open a flow" onClose={close} wide testId="open-dialog">
      <FileBrowser
        mode="open"
        initialDir={docDir}
        confirmLabel="Open"
        accept={(e) => e.isFlow || isOpenable(e.name)}
        onChoose={(path) => {
          close()
          void store.getState().openPath(path)
        }}
      />
    </Modal>
  )
}

export function SaveAsDialog() {
  const store = useStudioStore()
  const defaultName = useStudio(selectName)
  const then = useStudio(selectAfterSave)
  const docDir = useStudio(selectDocDir)
  const close = () => store.getState().closeDialog()
  return (
    <Modal title="Save flow as" onClose={close} wide testId="save-dialog">
      <FileBrowser
        mode="save"
        initialDir={docDir}
        confirmLabel="Save"
        defaultName={defaultName}
        accept={(e) => e.isFlow}
        onChoose={(path) => {
          close()
          void store.getState().saveAs(flowFilePath(path), false, then)
        }}
      />
    </Modal>
  )
}
