/**
 * D2 export: pick a style, read the D2 text, see it rendered live by the host's D2 compiler, copy it
 * or save it as .d2 or .svg.
 */
import { useEffect, useState } from 'react'
import type { D2Style } from '../../../electron/ipc/contract'
import { systemClipboard } from '../commands/clipboard'
import { errorMessage } from '../store/files-slice'
import { useStudioStore } from '../store/StoreProvider'
import type { StudioState } from '../store/state'
import { useStudio } from '../store/useStudio'
import { FileBrowser } from './FileBrowser'
import { slug } from './FileDialogs'
import { Modal } from './Modal'

const STYLES: { value: D2Style; label: string }[] = [
  { value: 'default', label: 'Default' },
  { value: 'compact', label: 'Compact' },
  { value: 'detailed', label: 'Detailed (ports and settings)' },
]

const selectDoc = (s: StudioState) => s.doc
/** The job whose statuses and counts can be overlaid: the focused job, when it ran this flow. */
const selectOverlayJob = (s: StudioState) =>
  s.focusInfo !== null && s.focusInfo.flowId === s.doc.id ? s.overlayJobId : null
const selectOverlayAsked = (s: StudioState) => s.dialog?.kind === 'd2' && s.dialog.overlay === true

type Preview =
  | { state: 'idle' | 'loading' }
  | { state: 'ready'; url: string }
  | { state: 'error'; message: string }

export function D2ExportDialog() {
  const store = useStudioStore()
  const doc = useStudio(selectDoc)
  const [style, setStyle] = useState<D2Style>('default')
  const overlayJob = useStudio(selectOverlayJob)
  const overlayAsked = useStudio(selectOverlayAsked)
  const [withOverlay, setWithOverlay] = useState(overlayAsked)
  const overlayJobId = withOverlay && overlayJob !== null ? overlayJob : undefined
  const [text, setText] = useState('')
  const [textError, setTextError] = useState<string | null>(null)
  const [preview, setPreview] = useState<Preview>({ state: 'idle' })
  const [saving, setSaving] = useState<'d2' | 'svg' | null>(null)
  const close = () => store.getState().closeDialog()
  const s = () => store.getState()

  useEffect(() => {
    let cancelled = false
    void doc
    store
      .getState()
      .exportD2(style, overlayJobId)
      .then((t) => {
        if (cancelled) return
        setText(t)
        setTextError(null)
      })
      .catch((e) => !cancelled && setTextError(errorMessage(e)))
    return () => {
      cancelled = true
    }
  }, [store, doc, style, overlayJobId])

  useEffect(() => {
    if (text === '') return
    let cancelled = false
    let url: string | undefined
    setPreview({ state: 'loading' })
    const timer = setTimeout(() => {
      store
        .getState()
        .renderD2(text)
        .then((svg) => {
          if (cancelled) return
          url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }))
          setPreview({ state: 'ready', url })
        })
        .catch((e) => !cancelled && setPreview({ state: 'error', message: errorMessage(e) }))
    }, 200)
    return () => {
      cancelled = true
      clearTimeout(timer)
      if (url) URL.revokeObjectURL(url)
    }
  }, [store, text])

  const save = async (format: 'd2' | 'svg', path?: string) => {
    const name = `${slug(doc.name)}.${format}`
    try {
      const target = path ?? (await s().chooseSavePath(format, name))
      if (target === null) {
        setSaving(format)
        return
      }
      const written = await s().saveD2(target, format, style, overlayJobId)
      setSaving(null)
      s().notify(`Saved ${written}`)
    } catch (e) {
      s().notify(`Saving the diagram failed: ${errorMessage(e)}`, 'error')
    }
  }

  return (
    <Modal
      title="Export D2 diagram"
      onClose={close}
      wide
      testId="d2-dialog"
      footer={
        <>
          <button
            type="button"
            className="button"
            disabled={text === ''}
            onClick={() => void systemClipboard.write(text).then(() => s().notify('D2 text copied'))}
          >
            Copy D2
          </button>
          <button type="button" className="button" disabled={text === ''} onClick={() => void save('d2')}>
            Save .d2…
          </button>
          <button
            type="button"
            className="button primary"
            disabled={preview.state !== 'ready'}
            onClick={() => void save('svg')}
          >
            Save .svg…
          </button>
        </>
      }
    >
      <div className="d2-toolbar">
        <label htmlFor="d2-style">Style</label>
        <select
          id="d2-style"
          className="input d2-style"
          value={style}
          onChange={(e) => setStyle(e.target.value as D2Style)}
        >
          {STYLES.map((x) => (
            <option key={x.value} value={x.value}>
              {x.label}
            </option>
          ))}
        </select>
        {overlayJob !== null && (
          <label className="d2-overlay" title="Statuses and counts of the job shown on the canvas">
            <input
              type="checkbox"
              checked={withOverlay}
              onChange={(e) => setWithOverlay(e.target.checked)}
              data-testid="d2-overlay"
            />
            With run overlay
          </label>
        )}
        <span className="muted small" data-testid="d2-status">
          {preview.state === 'loading' && 'Rendering…'}
          {preview.state === 'ready' && 'Compiles ✓'}
          {preview.state === 'error' && 'Does not compile'}
        </span>
      </div>
      <div className="d2-panes">
        <textarea
          className="input code d2-text"
          readOnly
          value={textError ?? text}
          aria-label="D2 text"
          data-testid="d2-text"
        />
        <div className="d2-preview" data-testid="d2-preview">
          {preview.state === 'ready' && <img src={preview.url} alt="Diagram preview" />}
          {preview.state === 'error' && <div className="field-error">{preview.message}</div>}
        </div>
      </div>
      {saving && (
        <div className="d2-save">
          <h3>Save as .{saving}</h3>
          <FileBrowser
            mode="save"
            confirmLabel="Save"
            defaultName={`${slug(doc.name)}.${saving}`}
            accept={(e) => e.name.endsWith(`.${saving}`)}
            extension={`.${saving}`}
            confirmReplace
            onChoose={(path) => void save(saving, path.endsWith(`.${saving}`) ? path : `${path}.${saving}`)}
          />
        </div>
      )}
    </Modal>
  )
}
