import { describe, expect, it } from 'vitest'
import { StreamHub } from './stream-hub'

describe('StreamHub', () => {
  it('delivers only subscribed streams and retains payloads for a first subscriber', () => {
    const hub = new StreamHub()
    const got: [string, string, unknown][] = []
    hub.publish('menu.command', { command: 'file.openPath', arg: 'a' }, { retain: true })
    hub.publish('jobs.changed', { jobs: [] }, { retain: false })
    hub.attach({ id: 'a', send: (stream, payload) => got.push(['a', stream, payload]) > 0 })
    hub.attach({ id: 'b', send: (stream, payload) => got.push(['b', stream, payload]) > 0 })
    hub.subscribe('a', 'menu.command')
    hub.subscribe('b', 'menu.command')
    expect(got).toEqual([['a', 'menu.command', { command: 'file.openPath', arg: 'a' }]])
    hub.publish('menu.command', { command: 'file.save' })
    expect(got.slice(1).map(([id]) => id)).toEqual(['a', 'b'])
    hub.unsubscribe('a', 'menu.command')
    hub.publish('menu.command', { command: 'file.new' })
    expect(got.slice(3).map(([id]) => id)).toEqual(['b'])
  })

  it('reports subscriptions and congested clients', () => {
    const hub = new StreamHub()
    const events: string[] = []
    hub.onSubscribe((stream, id) => events.push(`sub ${id} ${stream}`))
    hub.onCongestion((stream) => events.push(`congested ${stream}`))
    const detach = hub.attach({ id: 'slow', send: () => false })
    hub.subscribe('slow', 'execution.batch')
    hub.publish('execution.batch', { seq: 1, time: 0, jobs: [] })
    expect(events).toEqual(['sub slow execution.batch', 'congested execution.batch'])
    expect(hub.subscriberCount('execution.batch')).toBe(1)
    detach()
    expect(hub.subscriberCount('execution.batch')).toBe(0)
  })
})
