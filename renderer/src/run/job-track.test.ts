import { describe, expect, it } from 'vitest'
import {
  applyJobUpdate,
  FLOWING_HOLD_MS,
  MAX_TRACK_EVENTS,
  mergeLiveState,
  sweepTrack,
  withFetchedEvents,
} from './job-track'
import { connectionLive, jobUpdate, liveState, routineLive, sampled } from './run-fixtures'

describe('folding job updates into a track', () => {
  it('changes only the entries a partial update carries and keeps the others identical', () => {
    const first = applyJobUpdate(
      undefined,
      jobUpdate({
        full: true,
        routines: { a: routineLive({ runs: 1 }), b: routineLive({ runs: 0, status: 'queued' }) },
        connections: { ab: connectionLive({ delivered: 1, lastDeliveredAt: 1000 }) },
      }),
      1000,
      1010,
    )
    const a = first.routines.get('a')
    const second = applyJobUpdate(
      first,
      jobUpdate({ routines: { b: routineLive({ runs: 1, status: 'completed' }) } }),
      1033,
      1040,
    )
    expect(second.routines.get('a')).toBe(a)
    expect(second.routines.get('b')?.status).toBe('completed')
    expect(second.routines.get('b')?.runs).toBe(1)
    expect(second.connections).toBe(first.connections)
    expect(second.info.lagMs).toBe(7)
  })

  it('replaces entries on a full update but keeps the identity of unchanged ones', () => {
    const first = applyJobUpdate(
      undefined,
      jobUpdate({ full: true, routines: { a: routineLive({ runs: 2 }), gone: routineLive() } }),
      1000,
      1000,
    )
    const again = applyJobUpdate(
      first,
      jobUpdate({ full: true, routines: { a: routineLive({ runs: 2 }) } }),
      1033,
      1033,
    )
    expect(again.routines.get('a')).toBe(first.routines.get('a'))
    expect(again.routines.has('gone')).toBe(false)
    const same = applyJobUpdate(
      again,
      jobUpdate({ full: true, routines: { a: routineLive({ runs: 2 }) } }),
      1066,
      1066,
    )
    expect(same.routines).toBe(again.routines)
  })

  it('animates a connection while its count grows and stops once it is quiet or the job ends', () => {
    let track = applyJobUpdate(
      undefined,
      jobUpdate({ connections: { ab: connectionLive({ delivered: 5, lastDeliveredAt: 1000 }) } }),
      1000,
      1000,
    )
    expect(track.connections.get('ab')?.flowing).toBe(true)
    track = applyJobUpdate(
      track,
      jobUpdate({ routines: { a: routineLive() } }),
      1000 + FLOWING_HOLD_MS - 1,
      0,
    )
    expect(track.connections.get('ab')?.flowing).toBe(true)
    const quiet = sweepTrack(track, 1000 + FLOWING_HOLD_MS + 1)
    expect(quiet.connections.get('ab')?.flowing).toBe(false)
    expect(quiet.connections.get('ab')?.delivered).toBe(5)
    expect(sweepTrack(quiet, 5000)).toBe(quiet)

    const busy = applyJobUpdate(
      quiet,
      jobUpdate({ connections: { ab: connectionLive({ delivered: 9, lastDeliveredAt: 5000 }) } }),
      5000,
      5000,
    )
    expect(busy.connections.get('ab')?.flowing).toBe(true)
    const ended = applyJobUpdate(
      busy,
      jobUpdate({
        status: 'completed',
        final: true,
        full: true,
        connections: { ab: connectionLive({ delivered: 9, lastDeliveredAt: 5000 }) },
      }),
      5010,
      5010,
    )
    expect(ended.connections.get('ab')?.flowing).toBe(false)
    expect(ended.info.final).toBe(true)
    expect(ended.info.status).toBe('completed')
  })

  it('appends sampled events once each, in order, bounded', () => {
    let track = applyJobUpdate(
      undefined,
      jobUpdate({ events: [sampled(1, { type: 'jobStarted' }), sampled(2, { type: 'jobPaused' })] }),
      1,
      1,
    )
    track = applyJobUpdate(
      track,
      jobUpdate({
        events: [sampled(2, { type: 'jobPaused' }), sampled(3, { type: 'jobResumed' })],
        droppedEvents: 4,
      }),
      2,
      2,
    )
    expect(track.events.map((e) => e.seq)).toEqual([1, 2, 3])
    expect(track.droppedEvents).toBe(4)
    const many = Array.from({ length: MAX_TRACK_EVENTS + 10 }, (_, i) =>
      sampled(10 + i, { type: 'jobPaused' }),
    )
    track = applyJobUpdate(track, jobUpdate({ events: many }), 3, 3)
    expect(track.events).toHaveLength(MAX_TRACK_EVENTS)
    expect(track.events.at(-1)?.seq).toBe(MAX_TRACK_EVENTS + 19)
    const fetched = withFetchedEvents(
      applyJobUpdate(undefined, jobUpdate({ events: [sampled(5, { type: 'jobPaused' })] }), 1, 1),
      [sampled(3, { type: 'jobStarted' }), sampled(5, { type: 'jobPaused' })],
    )
    expect(fetched.events.map((e) => e.seq)).toEqual([3, 5])
  })

  it('merges a fetched live state entry by entry, keeping whichever is more recent', () => {
    const track = applyJobUpdate(
      undefined,
      jobUpdate({
        routines: { a: routineLive({ runs: 7, lastActivityAt: 2000 }) },
        totals: { ...jobUpdate().totals, events: 50 },
      }),
      2000,
      2000,
    )
    const live = liveState({
      routines: {
        a: routineLive({ runs: 3, lastActivityAt: 1500 }),
        b: routineLive({ runs: 1, lastActivityAt: 1500 }),
      },
      connections: { ab: connectionLive({ delivered: 3 }) },
      totals: { ...jobUpdate().totals, events: 20 },
    })
    const merged = mergeLiveState(track, live, 2100)
    expect(merged.routines.get('a')?.runs).toBe(7)
    expect(merged.routines.get('b')?.runs).toBe(1)
    expect(merged.connections.get('ab')?.delivered).toBe(3)
    expect(merged.info.totals.events).toBe(50)
  })
})
