/** A web-mode page its host refused (restarted with a new token) stops autosaving instead of failing every tick. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFakeBridge, STARTUP_HANDLERS } from '../test/fake-bridge'
import { AUTOSAVE_MS, connectHost } from './host-link'
import { createStudioStore } from './studio-store'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

function dirtyStudio() {
  const bridge = createFakeBridge(STARTUP_HANDLERS)
  const store = createStudioStore({ bridge })
  const stop = connectHost(store, bridge)
  store.setState({ doc: { ...store.getState().doc, name: 'edited' } })
  const drafts = () => bridge.calls.filter((c) => c.method === 'draft.put').length
  return { store, stop, drafts }
}

describe('autosave and the host link', () => {
  it('keeps drafts while connected', async () => {
    const { stop, drafts } = dirtyStudio()
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS + 10)
    expect(drafts()).toBe(1)
    stop()
  })

  it('does not try (nor report a failure per tick) once the host refused the page', async () => {
    const { store, stop, drafts } = dirtyStudio()
    store.getState().setBridgeStatus('refused')
    const toastsBefore = store.getState().toasts.length
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS * 4)
    expect(drafts()).toBe(0)
    expect(store.getState().toasts.length).toBe(toastsBefore)
    stop()
  })
})
