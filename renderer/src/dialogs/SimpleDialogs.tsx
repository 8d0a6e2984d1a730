/** Small dialogs: confirm, examples, draft recovery. */

import { useStudioStore } from '../store/StoreProvider'
import type { DialogState } from '../store/state-ui'
import { useStudio } from '../store/useStudio'
import { Modal } from './Modal'

type Of<K extends DialogState['kind']> = Extract<DialogState, { kind: K }>

export function ConfirmDialog({ dialog }: { dialog: Of<'confirm'> }) {
  const store = useStudioStore()
  const close = () => store.getState().closeDialog()
  const decline = () => {
    close()
    dialog.cancel?.()
  }
  return (
    <Modal
      title={dialog.title}
      onClose={decline}
      testId="confirm-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={decline}>
            Cancel
          </button>
          {dialog.alternative && (
            <button
              type="button"
              className="button"
              onClick={() => {
                close()
                dialog.alternative?.run()
              }}
            >
              {dialog.alternative.label}
            </button>
          )}
          <button
            type="button"
            className="button primary"
            onClick={() => {
              close()
              dialog.proceed()
            }}
          >
            {dialog.confirmLabel}
          </button>
        </>
      }
    >
      <p>{dialog.message}</p>
    </Modal>
  )
}

const selectExamples = (s: { examples: readonly { id: string; name: string; description: string }[] }) =>
  s.examples

export function ExamplesDialog() {
  const store = useStudioStore()
  const examples = useStudio(selectExamples)
  const close = () => store.getState().closeDialog()
  return (
    <Modal title="Open an example" onClose={close} testId="examples-dialog">
      {examples.length === 0 && <p className="muted">No examples are available.</p>}
      <div className="example-list">
        {examples.map((e) => (
          <button
            key={e.id}
            type="button"
            className="example-card"
            onClick={() => {
              close()
              store.getState().guardUnsaved('Open the example', () => void store.getState().openExample(e.id))
            }}
          >
            <strong>{e.name}</strong>
            <span className="muted small">{e.description}</span>
          </button>
        ))}
      </div>
    </Modal>
  )
}

export function RecoveryDialog({ dialog }: { dialog: Of<'recovery'> }) {
  const store = useStudioStore()
  const close = () => store.getState().closeDialog()
  return (
    <Modal title="Recover unsaved work?" onClose={close} testId="recovery-dialog">
      <p>The studio found work that was not saved when it last closed.</p>
      <ul className="draft-list">
        {dialog.drafts.map((d) => (
          <li key={d.draftId}>
            <div>
              <strong>{d.name}</strong>
              <div className="muted small">
                {d.path ?? 'untitled'} · autosaved {new Date(d.savedAt).toLocaleString()}
              </div>
            </div>
            <div className="button-row">
              <button
                type="button"
                className="button"
                onClick={() => {
                  void store.getState().discardDraft(d.draftId)
                  const rest = dialog.drafts.filter((x) => x.draftId !== d.draftId)
                  if (rest.length > 0) store.getState().openDialog({ kind: 'recovery', drafts: rest })
                  else close()
                }}
              >
                Discard
              </button>
              <button
                type="button"
                className="button primary"
                onClick={() => {
                  close()
                  store
                    .getState()
                    .guardUnsaved('Recover the draft', () => void store.getState().recoverDraft(d.draftId))
                }}
              >
                Recover
              </button>
            </div>
          </li>
        ))}
      </ul>
    </Modal>
  )
}
