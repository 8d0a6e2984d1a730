/**
 * Schedules a callback on the next macrotask, so the executor can let timers, I/O and cancel
 * requests through during a long synchronous burst. The scheduler is captured at load time: it is an
 * internal mechanism, and test fake timers must not be able to stall the executor.
 */

type Callback = () => void

function pickScheduler(): (callback: Callback) => void {
  const immediate = globalThis.setImmediate
  if (typeof immediate === 'function') return (callback) => immediate(callback)
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel()
    const pending: Callback[] = []
    // Typed loosely: Node's MessagePort typings lack the DOM `onmessage` property browsers use.
    const port = channel.port1 as unknown as { onmessage: (() => void) | null }
    port.onmessage = () => pending.shift()?.()
    return (callback) => {
      pending.push(callback)
      channel.port2.postMessage(null)
    }
  }
  const timeout = globalThis.setTimeout
  return (callback) => timeout(callback, 0)
}

/** Runs `callback` on a later macrotask (setImmediate where available, else MessageChannel, else setTimeout). */
export const nextMacrotask: (callback: Callback) => void = pickScheduler()
