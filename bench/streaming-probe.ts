/**
 * What the streaming benchmark measures inside the page, installed before the studio loads: every
 * `execution.batch` message as it arrives (size, sequence number, host time) and the frame it first
 * shows up in, plus requestAnimationFrame intervals. The probe only reads the start of each message
 * (never parses it), so it costs the page next to nothing.
 */
import type { Page } from '@playwright/test'

export interface PageSample {
  /** Batches received while recording. */
  readonly batches: number
  readonly bytes: number
  /** Sequence gaps: batches the host skipped for this client (it was behind). */
  readonly skipped: number
  /** For each batch: first frame after its arrival minus the host time it was cut at (ms). */
  readonly lags: readonly number[]
  /** Frame intervals (ms). */
  readonly frames: readonly number[]
  readonly elapsedMs: number
  /** JS heap of the page (MB), where Chromium reports it. */
  readonly heapMb: number
}

/** Page script (a string: this file is type-checked without the DOM library). */
const PROBE = `(() => {
  const state = { recording: false, batches: 0, bytes: 0, skipped: 0, lastSeq: -1, lags: [], frames: [], started: 0, last: 0 }
  window.__streamProbe = state
  const Native = window.WebSocket
  const marker = '{"type":"push","stream":"execution.batch","payload":{"seq":'
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args)
      this.addEventListener('message', (event) => {
        if (!state.recording || typeof event.data !== 'string' || !event.data.startsWith(marker)) return
        const head = /^(\\d+),"time":([\\d.]+)/.exec(event.data.slice(marker.length, marker.length + 60))
        state.batches += 1
        state.bytes += event.data.length
        if (!head) return
        const seq = Number(head[1])
        if (state.lastSeq >= 0 && seq > state.lastSeq + 1) state.skipped += seq - state.lastSeq - 1
        state.lastSeq = seq
        const cut = Number(head[2])
        requestAnimationFrame(() => state.lags.push(Date.now() - cut))
      })
    }
  }
  const tick = (now) => {
    if (state.recording) state.frames.push(now - state.last)
    state.last = now
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
})()`

export async function installProbe(page: Page): Promise<void> {
  await page.addInitScript(PROBE)
}

export async function startRecording(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const s = window.__streamProbe
    Object.assign(s, { recording: true, batches: 0, bytes: 0, skipped: 0, lastSeq: -1, lags: [], frames: [], started: performance.now() })
  })()`)
}

export async function stopRecording(page: Page): Promise<PageSample> {
  return (await page.evaluate(`(() => {
    const s = window.__streamProbe
    s.recording = false
    const heap = performance.memory ? performance.memory.usedJSHeapSize / 1048576 : NaN
    return { batches: s.batches, bytes: s.bytes, skipped: s.skipped, lags: s.lags, frames: s.frames, elapsedMs: performance.now() - s.started, heapMb: heap }
  })()`)) as PageSample
}
