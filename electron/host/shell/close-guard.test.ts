import { describe, expect, it } from 'vitest'
import { type CloseChoice, CloseGuard } from './close-guard'

function setup(choice: CloseChoice) {
  const log: string[] = []
  const guard = new CloseGuard({
    ask: async (title) => {
      log.push(`ask ${title}`)
      return choice
    },
    requestSave: () => log.push('save'),
    close: () => log.push('close'),
  })
  return { guard, log }
}

const tick = () => new Promise((r) => setTimeout(r, 0))

describe('close guard', () => {
  it('lets a clean window close at once', () => {
    const { guard, log } = setup('cancel')
    expect(guard.onCloseRequested()).toBe(true)
    expect(log).toEqual([])
  })

  it('asks before closing a dirty document; cancel keeps it open', async () => {
    const { guard, log } = setup('cancel')
    guard.report({ title: 'flow', dirty: true })
    expect(guard.onCloseRequested()).toBe(false)
    await tick()
    expect(log).toEqual(['ask flow'])
  })

  it("closes without saving on Don't Save", async () => {
    const { guard, log } = setup('discard')
    guard.report({ title: 'flow', dirty: true })
    guard.onCloseRequested()
    await tick()
    expect(log).toEqual(['ask flow', 'close'])
    expect(guard.onCloseRequested()).toBe(true)
  })

  it('saves first and closes once the renderer reports the document clean', async () => {
    const { guard, log } = setup('save')
    guard.report({ title: 'flow', dirty: true })
    guard.onCloseRequested()
    await tick()
    expect(log).toEqual(['ask flow', 'save'])
    expect(guard.onCloseRequested()).toBe(false)
    guard.report({ title: 'flow', dirty: false })
    expect(log).toEqual(['ask flow', 'save', 'close'])
  })

  it('no longer holds the window once its page is gone, even while waiting for a save', async () => {
    const { guard, log } = setup('save')
    guard.report({ title: 'flow', dirty: true })
    guard.onCloseRequested()
    await tick()
    guard.forget()
    expect(guard.onCloseRequested()).toBe(true)
    expect(log).toEqual(['ask flow', 'save'])
  })

  it('stays open when the save fails or is cancelled', async () => {
    const { guard, log } = setup('save')
    guard.report({ title: 'flow', dirty: true })
    guard.onCloseRequested()
    await tick()
    guard.report({ title: 'flow', dirty: true })
    expect(log).toEqual(['ask flow', 'save'])
    guard.onCloseRequested()
    await tick()
    expect(log).toEqual(['ask flow', 'save', 'ask flow', 'save'])
  })
})
