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

async function render(onChoose: (path: string) => void): Promise<HTMLElement> {
  const store = createStudioStore({
    bridge: createFakeBridge({ 'workspace.list': () => ({ dir: '', entries: [entry('mine.d2')] }) }),
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
})
