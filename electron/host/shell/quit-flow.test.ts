import { describe, expect, it } from 'vitest'
import { CloseGuard } from './close-guard'
import { QuitFlow } from './quit-flow'

/** A window with the real close guard, a host and an app whose `quit` raises `before-quit` again. */
function desktop(choice: 'save' | 'discard' | 'cancel') {
  const log: string[] = []
  let open = true
  let quitting = false
  const flow: QuitFlow = new QuitFlow({
    windowOpen: () => open,
    closeWindow: () => {
      log.push('close window')
      if (guard.onCloseRequested()) closed()
    },
    shutdown: async () => {
      log.push('host stopped')
    },
    quit: () => app.quit(),
    onError: (error) => log.push(`error ${String(error)}`),
  })
  const guard = new CloseGuard({
    ask: async () => {
      log.push('ask')
      return choice
    },
    requestSave: () => log.push('save requested'),
    close: closed,
  })
  function closed(): void {
    open = false
    log.push('window closed')
    flow.onAllWindowsClosed()
  }
  const app = {
    quit(): void {
      if (flow.onQuitRequested()) {
        quitting = true
        log.push('quit')
      }
    },
  }
  const settle = () => new Promise((r) => setTimeout(r, 0))
  return { app, guard, log, settle, quitting: () => quitting }
}

describe('quitting the desktop app', () => {
  it('closes the window first, then stops the host, then quits', async () => {
    const d = desktop('cancel')
    d.app.quit()
    await d.settle()
    expect(d.log).toEqual(['close window', 'window closed', 'host stopped', 'quit'])
    expect(d.quitting()).toBe(true)
  })

  it('keeps the app and the host running when the user cancels the unsaved-changes prompt', async () => {
    const d = desktop('cancel')
    d.guard.report({ title: 'flow', dirty: true })
    d.app.quit()
    await d.settle()
    expect(d.log).toEqual(['close window', 'ask'])
    expect(d.quitting()).toBe(false)
  })

  it('saves before quitting when the user chooses Save, and quits once the save is reported', async () => {
    const d = desktop('save')
    d.guard.report({ title: 'flow', dirty: true })
    d.app.quit()
    await d.settle()
    expect(d.log).toEqual(['close window', 'ask', 'save requested'])
    d.guard.report({ title: 'flow', dirty: false })
    await d.settle()
    expect(d.log.slice(3)).toEqual(['window closed', 'host stopped', 'quit'])
  })

  it('quits without saving on Don’t Save, and a second quit request while asking asks once', async () => {
    const d = desktop('discard')
    d.guard.report({ title: 'flow', dirty: true })
    d.app.quit()
    d.app.quit()
    await d.settle()
    expect(d.log.filter((l) => l === 'ask')).toHaveLength(1)
    expect(d.log.slice(-3)).toEqual(['window closed', 'host stopped', 'quit'])
  })

  it('quits even when stopping the host fails', async () => {
    const log: string[] = []
    const flow = new QuitFlow({
      windowOpen: () => false,
      closeWindow: () => undefined,
      shutdown: () => Promise.reject(new Error('disk full')),
      quit: () => log.push(flow.onQuitRequested() ? 'quit' : 'held'),
      onError: (error) => log.push(String(error)),
    })
    expect(flow.onQuitRequested()).toBe(false)
    await new Promise((r) => setTimeout(r, 0))
    expect(log).toEqual(['Error: disk full', 'quit'])
  })
})
