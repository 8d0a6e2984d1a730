/**
 * A persistent notice shown when the web-mode host refuses this page (bridge status `refused`), or
 * has been unreachable for `UNREACHABLE_AFTER_MS`: the document stays on screen, and the user is told
 * where to continue and how to keep unsaved work.
 */
import { useEffect, useState } from 'react'
import { saveDocument } from '../../../engine/document/save'
import './host-refused.css'
import { useStudioStore } from '../store/StoreProvider'
import type { StudioState } from '../store/state'
import { useStudio } from '../store/useStudio'
import {
  HOST_REFUSED_TITLE,
  HOST_UNREACHABLE_TITLE,
  UNREACHABLE_AFTER_MS,
  unsavedWorkNote,
} from './host-refused'

const selectStatus = (s: StudioState) => s.bridgeStatus
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
  const status = useStudio(selectStatus)
  const note = useStudio(selectNote)
  const offline = status === 'connecting' || status === 'disconnected'
  const [away, setAway] = useState(false)
  useEffect(() => {
    setAway(false)
    if (!offline) return
    const timer = setTimeout(() => setAway(true), UNREACHABLE_AFTER_MS)
    return () => clearTimeout(timer)
  }, [offline])
  const refused = status === 'refused'
  if (!refused && !(offline && away)) return null
  return (
    <div className="host-refused" role="alert" data-testid={refused ? 'host-refused' : 'host-unreachable'}>
      <strong>{refused ? HOST_REFUSED_TITLE : HOST_UNREACHABLE_TITLE}</strong>
      {note !== null && <span>{note}</span>}
      <button type="button" onClick={() => downloadFlow(store.getState())}>
        Download the flow
      </button>
    </div>
  )
}
