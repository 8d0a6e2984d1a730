/** The workspace browser asks before choosing a file that exists when its caller writes unguarded. */
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { WorkspaceEntry } from '../../../electron/ipc/contract'
import { StoreProvider } from '../store/StoreProvider'
import { createStudioStore } from '../store/studio-store'
import { createFakeBridge } from '../test/fake-bridge'
import { FileBrowser } from './FileBrowser'

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

const entry = (name: string): WorkspaceEntry => ({
  name,
  path: name,
  kind: 'file',
  size: 10,
  modifiedAt: 1,
  isFlow: false,
})

let root: Root | undefined
afterEach(() => act(() => root?.unmount()))

const folders: Record<string, WorkspaceEntry[]> = { '': [entry('mine.d2')], sub: [] }

async function render(onChoose: (path: string) => void, initialDir?: string): Promise<HTMLElement> {
  const store = createStudioStore({
    bridge: createFakeBridge({
      'workspace.list': ({ dir }) => {
        const entries = folders[dir]
        if (!entries) throw { code: 'NOT_FOUND', message: `no folder ${dir}` }
        return { dir, entries }
      },
    }),
  })
  const container = document.createElement('div')
  root = createRoot(container)
  await act(async () =>
    root?.render(
      <StoreProvider store={store}>
        <FileBrowser
          mode="save"
          confirmLabel="Save"
          defaultName="mine"
          accept={() => true}
          onChoose={onChoose}
          extension=".d2"
          confirmReplace
          {...(initialDir !== undefined && { initialDir })}
        />
      </StoreProvider>,
    ),
  )
  return container
}

const button = (container: HTMLElement, label: string): HTMLButtonElement => {
  const found = [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === label)
  if (!found) throw new Error(`no ${label} button`)
  return found
}

describe('FileBrowser in save mode', () => {
  it('asks before replacing an existing file, typed or double-clicked', async () => {
    const onChoose = vi.fn()
    const container = await render(onChoose)
    act(() => button(container, 'Save').click())
    expect(onChoose).not.toHaveBeenCalled()
    expect(container.querySelector('[data-testid="replace-confirm"]')?.textContent).toContain(
      'mine.d2 already exists',
    )
    act(() => button(container, 'Cancel').click())
    expect(container.querySelector('[data-testid="replace-confirm"]')).toBeNull()
    const listed = container.querySelector('.file-entry.file')
    act(() => listed?.dispatchEvent(new MouseEvent('dblclick', { bubbles: true })))
    expect(onChoose).not.toHaveBeenCalled()
    act(() => button(container, 'Replace').click())
    expect(onChoose).toHaveBeenCalledWith('mine.d2')
  })

  it('starts in the folder it is given, or at the root when that folder is gone', async () => {
    const onChoose = vi.fn()
    const inSub = await render(onChoose, 'sub')
    expect(inSub.querySelector('.file-path .code')?.textContent).toBe('/sub')
    act(() => button(inSub, 'Save').click())
    expect(onChoose).toHaveBeenCalledWith('sub/mine.d2')
    act(() => root?.unmount())
    const fallback = await render(onChoose, 'gone')
    expect(fallback.querySelector('.file-path .code')?.textContent).toBe('/')
    expect(fallback.querySelector('.field-error')).toBeNull()
  })
})
