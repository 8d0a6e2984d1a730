/** The run controls: what Pause, Resume and Cancel may do for the focused job, and never offline. */
import { describe, expect, it } from 'vitest'
import type { StudioState } from '../store/state'
import { jobSummary } from './run-fixtures'
import { selectControls } from './run-selectors'

function state(status: 'running' | 'paused', bridgeStatus: string): StudioState {
  const job = jobSummary({ status })
  return {
    overlayJobId: job.jobId,
    focusInfo: null,
    jobs: [job],
    runBusy: null,
    bridgeStatus,
  } as unknown as StudioState
}

describe('selectControls', () => {
  it('offers pause and cancel for a running job, resume for a paused one', () => {
    expect(selectControls(state('running', 'connected'))).toMatchObject({
      canPause: true,
      canResume: false,
      canCancel: true,
      connected: true,
    })
    expect(selectControls(state('paused', 'connected'))).toMatchObject({ canPause: false, canResume: true })
  })

  it('offers nothing while the host is unreachable (a restarted web host, a lost connection)', () => {
    for (const status of ['running', 'paused'] as const) {
      expect(selectControls(state(status, 'disconnected'))).toMatchObject({
        canPause: false,
        canResume: false,
        canCancel: false,
        connected: false,
      })
    }
  })
})
