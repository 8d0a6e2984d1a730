/**
 * A file browser over the host's workspace folder (web mode has no native dialogs): folders to walk
 * into, files to pick, and in save mode a file name box.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { WorkspaceEntry } from '../../../electron/ipc/contract'
import { Icon } from '../icons/Icon'
import { errorMessage } from '../store/files-slice'
import { useStudioStore } from '../store/StoreProvider'
import { fileNameError } from './file-name'

interface FileBrowserProps {
  readonly mode: 'open' | 'save'
  /** File name suggested in save mode (with extension). */
  readonly defaultName?: string
  /** Which files to list in open mode. */
  readonly accept: (entry: WorkspaceEntry) => boolean
  readonly onChoose: (path: string) => void
  readonly confirmLabel: string
  /** Save mode: added to a typed name that lacks it. */
  readonly extension?: string
  /** Save mode: ask before choosing a file that exists (for writes the host does not guard). */
  readonly confirmReplace?: boolean
  /** The folder to start in (the open document's); the workspace root when it is gone. */
  readonly initialDir?: string
}

const parentOf = (dir: string) => (dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '')
const join = (dir: string, name: string) => (dir === '' ? name : `${dir}/${name}`)

export function FileBrowser({
  mode,
  defaultName = '',
  accept,
  onChoose,
  confirmLabel,
  extension,
  confirmReplace = false,
  initialDir = '',
}: FileBrowserProps) {
  const store = useStudioStore()
  const [dir, setDir] = useState('')
  const [entries, setEntries] = useState<readonly WorkspaceEntry[]>([])
  const [name, setName] = useState(defaultName)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [replacing, setReplacing] = useState<string | null>(null)
  const replaceRow = useRef<HTMLDivElement>(null)
  // The question shows under the file name; in a tall dialog it could be scrolled out of sight.
  useEffect(() => {
    if (replacing !== null) replaceRow.current?.scrollIntoView?.({ block: 'nearest' })
  }, [replacing])

  const load = useCallback(
    function list(target: string, fallback = false) {
      setLoading(true)
      setReplacing(null)
      store
        .getState()
        .listWorkspace(target)
        .then((listing) => {
          setDir(listing.dir)
          setEntries(listing.entries)
          setError(null)
        })
        .catch((e) => (fallback && target !== '' ? list('') : setError(errorMessage(e))))
        .finally(() => setLoading(false))
    },
    [store],
  )
  // Only the first listing starts in `initialDir`; later changes of the prop do not move the user.
  const startDir = useRef(initialDir)
  useEffect(() => load(startDir.current, true), [load])

  const shown = entries.filter((e) => e.kind === 'directory' || accept(e))
  const choose = (typed = name) => {
    const trimmed = typed.trim()
    const problem = fileNameError(trimmed)
    if (problem !== null) {
      setError(problem)
      return
    }
    const full = extension && !trimmed.endsWith(extension) ? `${trimmed}${extension}` : trimmed
    if (confirmReplace && entries.some((e) => e.kind === 'file' && e.name === full)) {
      setReplacing(full)
      return
    }
    onChoose(join(dir, full))
  }
  const newFolder = () => {
    const folder = window.prompt('New folder name')?.trim()
    if (!folder) return
    const problem = fileNameError(folder)
    if (problem !== null) {
      setError(problem)
      return
    }
    store
      .getState()
      .createFolder(join(dir, folder))
      .then((path) => load(path))
      .catch((e) => setError(errorMessage(e)))
  }

  return (
    <div className="file-browser" data-testid="file-browser">
      <div className="file-path">
        <button
          type="button"
          className="button small"
          disabled={dir === ''}
          onClick={() => load(parentOf(dir))}
        >
          ↑ Up
        </button>
        <span className="code">/{dir}</span>
        {mode === 'save' && (
          <button type="button" className="button small" onClick={newFolder}>
            New folder
          </button>
        )}
      </div>
      <ul className="file-list" aria-busy={loading}>
        {shown.length === 0 && !loading && <li className="muted small">No flows here.</li>}
        {shown.map((entry) => (
          <li key={entry.path}>
            <button
              type="button"
              className={`file-entry ${entry.kind}${name === entry.name ? ' selected' : ''}`}
              onClick={() => (entry.kind === 'directory' ? load(entry.path) : setName(entry.name))}
              onDoubleClick={() =>
                entry.kind === 'file' && (mode === 'save' ? choose(entry.name) : onChoose(entry.path))
              }
            >
              <Icon name={entry.kind === 'directory' ? 'folder' : 'file'} />
              <span className="file-name">{entry.name}</span>
              {entry.kind === 'file' && (
                <span className="muted small">{new Date(entry.modifiedAt).toLocaleString()}</span>
              )}
            </button>
          </li>
        ))}
      </ul>
      <div className="file-name-row">
        <input
          className="input"
          aria-label="File name"
          placeholder={mode === 'open' ? 'Pick a file above' : 'file name'}
          value={name}
          readOnly={mode === 'open'}
          data-autofocus={mode === 'save' ? true : undefined}
          onChange={(e) => {
            setName(e.target.value)
            setReplacing(null)
          }}
          onKeyDown={(e) => e.key === 'Enter' && choose()}
        />
        <button
          type="button"
          className="button primary"
          onClick={() => choose()}
          disabled={name.trim() === ''}
        >
          {confirmLabel}
        </button>
      </div>
      {replacing !== null && (
        <div className="field-error" role="alert" data-testid="replace-confirm" ref={replaceRow}>
          {replacing} already exists. Replace it?{' '}
          <button type="button" className="button small" onClick={() => setReplacing(null)}>
            Cancel
          </button>{' '}
          <button
            type="button"
            className="button small primary"
            onClick={() => {
              setReplacing(null)
              onChoose(join(dir, replacing))
            }}
          >
            Replace
          </button>
        </div>
      )}
      {error && <div className="field-error">{error}</div>}
    </div>
  )
}
