import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { describe, expect, it, vi } from 'vitest'
import { StoreProvider } from '../store/StoreProvider'
import { createStudioStore } from '../store/studio-store'
import { createFakeBridge } from '../test/fake-bridge'
import { HostRefusedBanner } from './HostRefusedBanner'
import {
  HOST_REFUSED_TITLE,
  HOST_UNREACHABLE_TITLE,
  UNREACHABLE_AFTER_MS,
  unsavedWorkNote,
} from './host-refused'

// React warns about updates outside act() unless the environment says it is a test.
Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

function render(setup: (store: ReturnType<typeof createStudioStore>) => void): string {
  const store = createStudioStore({ bridge: createFakeBridge({}) })
  setup(store)
  const container = document.createElement('div')
  const root = createRoot(container)
  act(() =>
    root.render(
      <StoreProvider store={store}>
        <HostRefusedBanner />
      </StoreProvider>,
    ),
  )
  const html = container.innerHTML
  act(() => root.unmount())
  return html
}

describe('host refused notice', () => {
  it('is shown only once the host refused the page', () => {
    for (const status of ['connecting', 'connected', 'disconnected'] as const) {
      expect(render((store) => store.getState().setBridgeStatus(status))).toBe('')
    }
    const html = render((store) => store.getState().setBridgeStatus('refused'))
    expect(html).toContain(HOST_REFUSED_TITLE)
    expect(html).toContain('role="alert"')
    expect(html).toContain('Download the flow')
  })

  it('says what became of unsaved work: nothing to say, kept as a draft up to a time, or only here', () => {
    expect(unsavedWorkNote(false, 1_000)).toBeNull()
    expect(unsavedWorkNote(true, null)).toMatch(/never kept as a draft.*only in this page/)
    const at = Date.UTC(2026, 0, 1, 10, 20, 30)
    const kept = unsavedWorkNote(true, at)
    expect(kept).toContain(new Date(at).toLocaleTimeString())
    expect(kept).toMatch(
      /offers it for recovery .*same app-data folder.*changed after that exists only in this page/,
    )
  })

  it('tells about the unsaved document in the page', () => {
    const html = render((store) => {
      const state = store.getState()
      state.setBridgeStatus('refused')
      store.setState({ doc: { ...state.doc, name: 'changed' } })
    })
    expect(html).toContain('never kept as a draft')
  })

  it('says the host is unreachable once it has been away for a while, and not after it is back', () => {
    vi.useFakeTimers()
    try {
      const store = createStudioStore({ bridge: createFakeBridge({}) })
      store.getState().setBridgeStatus('connected')
      const container = document.createElement('div')
      const root = createRoot(container)
      act(() =>
        root.render(
          <StoreProvider store={store}>
            <HostRefusedBanner />
          </StoreProvider>,
        ),
      )
      act(() => store.getState().setBridgeStatus('disconnected'))
      act(() => vi.advanceTimersByTime(UNREACHABLE_AFTER_MS / 2))
      // Retry attempts flip between connecting and disconnected; the clock keeps running.
      act(() => store.getState().setBridgeStatus('connecting'))
      expect(container.innerHTML).toBe('')
      act(() => vi.advanceTimersByTime(UNREACHABLE_AFTER_MS / 2))
      expect(container.innerHTML).toContain(HOST_UNREACHABLE_TITLE)
      act(() => store.getState().setBridgeStatus('connected'))
      expect(container.innerHTML).toBe('')
      act(() => root.unmount())
    } finally {
      vi.useRealTimers()
    }
  })
})
