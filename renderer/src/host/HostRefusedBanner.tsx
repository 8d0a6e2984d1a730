/**
 * A persistent notice shown when the web-mode host refuses this page (bridge status `refused`): the
 * document stays on screen, and the user is told where to continue and how to keep unsaved work.
 */
import { saveDocument } from '../../../engine/document/save'
import './host-refused.css'
import { useStudioStore } from '../store/StoreProvider'
import type { StudioState } from '../store/state'
import { useStudio } from '../store/useStudio'
import { HOST_REFUSED_TITLE, unsavedWorkNote } from './host-refused'

const selectRefused = (s: StudioState) => s.bridgeStatus === 'refused'
const selectNote = (s: StudioState) => unsavedWorkNote(s.doc !== s.savedDoc, s.draftSavedAt)

/** Offers the current document as a file download (the only way out of a page its host refused). */
function downloadFlow(state: StudioState): void {
  const blob = new Blob([saveDocument(state.doc)], { type: 'application/json' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = `${state.docName || 'flow'}.routilux.json`
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export function HostRefusedBanner() {
  const store = useStudioStore()
  const refused = useStudio(selectRefused)
  const note = useStudio(selectNote)
  if (!refused) return null
  return (
    <div className="host-refused" role="alert" data-testid="host-refused">
      <strong>{HOST_REFUSED_TITLE}</strong>
      {note !== null && <span>{note}</span>}
      <button type="button" onClick={() => downloadFlow(store.getState())}>
        Download the flow
      </button>
    </div>
  )
}
