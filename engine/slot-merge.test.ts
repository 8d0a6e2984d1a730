import { describe, expect, it } from 'vitest'
import { ErrorHandler } from './error-handler'
import { ErrorCode } from './errors'
import { FlowHarness } from './testing/harness'
import type { Payload } from './types'
import { Validator } from './validator'

const CONTINUE = new ErrorHandler({ strategy: 'continue' })

describe('slot merge strategies (per job)', () => {
  it('override hands each delivery its own copy', async () => {
    const h = new FlowHarness().source('src')
    h.routine('mutator', {
      slots: {
        in: (data) => {
          data.item = 'changed'
        },
      },
    })
    h.sink('sink').wire('src.out -> mutator.in', 'src.out -> sink.in')
    const job = await h.run('src', { items: ['a'] })
    expect(h.received('sink')).toEqual([{ item: 'a' }])
    expect(job.history.find((r) => r.event === 'out')?.data).toEqual({ item: 'a' })
  })

  it('append hands the handler every buffered key as fresh arrays', async () => {
    const kept: Payload[] = []
    const h = new FlowHarness().routine('src', {
      events: ['out'],
      slots: {
        trigger: (_d, ctx) => {
          ctx.emit('out', { a: 1 })
          ctx.emit('out', { a: 2, b: 3 })
          ctx.emit('out', { a: 4 })
        },
      },
    })
    h.routine('acc', {
      slots: {
        in: {
          merge: 'append',
          handler: (data) => {
            kept.push(data)
            ;(data.a as unknown[]).push('handler-added')
          },
        },
      },
    })
    h.wire('src.out -> acc.in')
    await h.run('src')
    expect(kept).toEqual([
      { a: [1, 'handler-added'] },
      { a: [1, 2, 'handler-added'], b: [3] },
      { a: [1, 2, 4, 'handler-added'], b: [3] },
    ])
  })

  it('a custom merge gets {} as previous on the first delivery of a job, then its last result', async () => {
    const calls: [Payload, Payload][] = []
    const h = new FlowHarness().source('src')
    h.sink('sum', {
      merge: (previous, incoming) => {
        calls.push([{ ...previous }, { ...incoming }])
        return { total: ((previous.total as number) ?? 0) + (incoming.item as number) }
      },
    })
    h.wire('src.out -> sum.in')
    const first = await h.run('src', { items: [1, 2, 3] })
    await h.run('src', { items: [10] })
    expect(h.received('sum', first)).toEqual([{ total: 1 }, { total: 3 }, { total: 6 }])
    expect(calls.map(([previous]) => previous)).toEqual([{}, { total: 1 }, { total: 3 }, {}])
    expect(h.received('sum').at(-1)).toEqual({ total: 10 })
  })

  it('a custom merge that throws or returns a non-object is a handler error', async () => {
    const h = new FlowHarness().source('src')
    h.sink('bad', { merge: () => 42 as unknown as Payload, errorHandler: CONTINUE })
    h.sink('throws', {
      merge: () => {
        throw new TypeError('merge broke')
      },
      errorHandler: CONTINUE,
    })
    h.wire('src.out -> bad.in', 'src.out -> throws.in')
    const job = await h.run('src', { items: [1] })
    expect(job.routineStates.bad?.lastError).toMatchObject({ code: ErrorCode.HANDLER_ERROR })
    expect(job.routineStates.throws?.lastError).toMatchObject({
      code: ErrorCode.HANDLER_ERROR,
      name: 'TypeError',
      message: 'merge broke',
    })
    expect(h.received('bad')).toEqual([])
  })
})

describe('validators', () => {
  it('run on the merged payload before the handler; invalid data is not merged', async () => {
    const h = new FlowHarness().source('src')
    h.sink('acc', {
      merge: 'append',
      validator: Validator.custom(
        (data) => (data.item as unknown[]).every((v) => typeof v === 'number') || 'numbers only',
      ),
      errorHandler: CONTINUE,
    })
    h.wire('src.out -> acc.in')
    const job = await h.run('src', { items: [1, 'x', 2] })
    expect(h.received('acc')).toEqual([{ item: [1] }, { item: [1, 2] }])
    expect(job.routineStates.acc).toMatchObject({ status: 'completed', runs: 3, errors: 1 })
    expect(job.routineStates.acc?.lastError).toMatchObject({ code: ErrorCode.VALIDATION_FAILED })
    expect(job.routineStates.acc?.lastError?.message).toMatch(/numbers only/)
  })

  it('a validation failure follows the routine strategy (default STOP fails the job)', async () => {
    const h = new FlowHarness().sink('typed', {
      slot: 'trigger',
      validator: Validator.types({ n: 'number' }),
    })
    const job = await h.run('typed', { n: 'one' })
    expect(job.status).toBe('failed')
    expect(job.error).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, routineId: 'typed' })
    expect(h.received('typed')).toEqual([])
  })

  it('also applies to the entry delivery', async () => {
    const h = new FlowHarness().sink('entry', {
      slot: 'trigger',
      validator: Validator.types({ name: 'string' }),
    })
    expect((await h.run('entry', { name: 'ok' })).status).toBe('completed')
    expect((await h.run('entry', {})).status).toBe('failed')
  })
})
