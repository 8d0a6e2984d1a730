/** The focused job's row agrees with the status chip the moment the job ends (no throttling lag). */
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { StoreProvider } from '../store/StoreProvider'
import { createStudioStore } from '../store/studio-store'
import { createFakeBridge } from '../test/fake-bridge'
import { JobList } from './JobList'
import { jobRowDuration, jobRowStatus } from './job-row-status'
import { type JobLiveInfo, ZERO_TOTALS } from './job-track'
import { RunStatusChip } from './RunStatusChip'
import { jobSummary } from './run-fixtures'

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })
beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

const info = (patch: Partial<JobLiveInfo>): JobLiveInfo => ({
  jobId: 'job-1',
  flowId: 'chain',
  status: 'running',
  startedAt: 1000,
  endedAt: null,
  error: null,
  totals: ZERO_TOTALS,
  final: false,
  hostTime: 1,
  lagMs: 0,
  ...patch,
})

describe('job list row status', () => {
  it('turns done in the same render as the status chip', () => {
    const store = createStudioStore({ bridge: createFakeBridge({}) })
    store.setState({ jobs: [jobSummary()], overlayJobId: 'job-1', focusInfo: info({}) })
    const container = document.createElement('div')
    const root = createRoot(container)
    act(() =>
      root.render(
        <StoreProvider store={store}>
          <RunStatusChip />
          <JobList />
        </StoreProvider>,
      ),
    )
    const row = () => container.querySelector('[data-testid="job-row-job-1"]')
    const chip = () => container.querySelector('[data-testid="run-chip"]')
    expect(row()?.getAttribute('data-status')).toBe('running')
    act(() => vi.advanceTimersByTime(100))
    act(() => store.setState({ focusInfo: info({ status: 'completed', endedAt: 4000, final: true }) }))
    expect(chip()?.getAttribute('data-status')).toBe('completed')
    expect(row()?.getAttribute('data-status')).toBe('completed')
    expect(row()?.textContent).toContain('3.00 s')
    act(() => root.unmount())
  })

  it('a finished summary wins over a live status that has not caught up; others take the summary', () => {
    expect(jobRowStatus('completed', 'running')).toBe('completed')
    expect(jobRowStatus('running', 'failed')).toBe('failed')
    expect(jobRowStatus('running', 'paused')).toBe('paused')
    expect(jobRowStatus('paused', null)).toBe('paused')
    const summary = { status: 'running' as const, startedAt: 1000, durationMs: null }
    expect(jobRowDuration(summary, null, 2500)).toBe(1500)
    expect(jobRowDuration(summary, 1800, 2500)).toBe(800)
    expect(jobRowDuration({ ...summary, durationMs: 700 }, 1800, 2500)).toBe(700)
    expect(jobRowDuration({ ...summary, status: 'completed' }, null, 2500)).toBeNull()
  })
})
