import { describe, expect, it } from 'vitest'
import { ErrorHandler } from './error-handler'
import { ErrorCode, isRoutiluxError } from './errors'
import { Routine } from './routine'
import { codeOf } from './testing/harness'
import { Validator } from './validator'

describe('Routine', () => {
  it('declares slots and events in order and finds them by name', () => {
    const routine = new Routine()
    const slot = routine.defineSlot('in', undefined, { merge: 'append' })
    routine.defineSlot('other')
    const event = routine.defineEvent('out', ['a', 'b'])
    expect([...routine.slots.keys()]).toEqual(['in', 'other'])
    expect(routine.getSlot('in')).toBe(slot)
    expect(slot.merge).toBe('append')
    expect(routine.getSlot('missing')).toBeUndefined()
    expect(routine.getEvent('out')).toBe(event)
    expect(event.outputParams).toEqual(['a', 'b'])
  })

  it('rejects duplicate slot and event names with coded errors', () => {
    const routine = new Routine()
    routine.defineSlot('in')
    routine.defineEvent('out')
    expect(codeOf(() => routine.defineSlot('in'))).toBe(ErrorCode.DUPLICATE_SLOT)
    expect(codeOf(() => routine.defineEvent('out'))).toBe(ErrorCode.DUPLICATE_EVENT)
  })

  it('rejects an unknown merge strategy', () => {
    const routine = new Routine()
    expect(codeOf(() => routine.defineSlot('in', undefined, { merge: 'bogus' as 'append' }))).toBe(
      ErrorCode.INVALID_ARGUMENT,
    )
  })

  it('copies its config, merges patches shallowly and reads keys with fallbacks', () => {
    const initial = { a: 1, nested: { x: 1 } }
    const routine = new Routine(initial)
    initial.a = 99
    expect(routine.getConfig('a')).toBe(1)
    routine.configure({ b: 2 }).configure({ a: 3 })
    expect(routine.config).toEqual({ a: 3, b: 2, nested: { x: 1 } })
    expect(routine.getConfig('missing', 'fallback')).toBe('fallback')
    expect(routine.getConfig<number>('b', 0)).toBe(2)
  })

  it('holds a routine-level error handler', () => {
    const handler = new ErrorHandler({ strategy: 'skip' })
    const routine = new Routine().setErrorHandler(handler)
    expect(routine.errorHandler).toBe(handler)
    routine.setErrorHandler(undefined)
    expect(routine.errorHandler).toBeUndefined()
  })
})

describe('Validator', () => {
  it('types() requires present fields of the right type', () => {
    const validator = Validator.types({
      name: 'string',
      n: 'number',
      ok: 'boolean',
      o: 'object',
      list: 'array',
    })
    const good = { name: 'x', n: 1, ok: false, o: {}, list: [] }
    expect(() => validator.validate(good)).not.toThrow()
    expect(codeOf(() => validator.validate({ ...good, name: 3 }))).toBe(ErrorCode.VALIDATION_FAILED)
    expect(codeOf(() => validator.validate({ ...good, o: [] }))).toBe(ErrorCode.VALIDATION_FAILED)
    expect(codeOf(() => validator.validate({ ...good, o: null }))).toBe(ErrorCode.VALIDATION_FAILED)
    expect(codeOf(() => validator.validate({ ...good, list: {} }))).toBe(ErrorCode.VALIDATION_FAILED)
    const { n: _n, ...missing } = good
    expect(() => validator.validate(missing)).toThrow(/missing required field "n"/)
  })

  it('types() rejects unknown type names up front', () => {
    expect(codeOf(() => Validator.types({ a: 'date' as 'string' }))).toBe(ErrorCode.INVALID_ARGUMENT)
  })

  it('custom() accepts true/undefined and rejects false, a message or a throw', () => {
    expect(() => Validator.custom(() => true).validate({})).not.toThrow()
    expect(() => Validator.custom(() => undefined).validate({})).not.toThrow()
    expect(() => Validator.custom(() => false).validate({})).toThrow(/custom validation failed/)
    expect(() => Validator.custom(() => 'too big').validate({})).toThrow(/too big/)
    const thrown = (() => {
      try {
        Validator.custom(() => {
          throw new RangeError('out of range')
        }).validate({})
      } catch (error) {
        return error
      }
    })()
    expect(isRoutiluxError(thrown, ErrorCode.VALIDATION_FAILED)).toBe(true)
    expect((thrown as Error).message).toMatch(/out of range/)
    expect((thrown as Error).cause).toBeInstanceOf(RangeError)
  })
})

describe('ErrorHandler', () => {
  it('has the documented defaults', () => {
    const handler = new ErrorHandler()
    expect(handler).toMatchObject({
      strategy: 'stop',
      maxRetries: 3,
      retryDelayMs: 1000,
      retryBackoff: 2,
      isCritical: false,
    })
    expect(handler.isRetryable(new Error('any'))).toBe(true)
  })

  it('computes exponential backoff per retry number', () => {
    const handler = new ErrorHandler({ strategy: 'retry', retryDelayMs: 10, retryBackoff: 3 })
    expect([1, 2, 3].map((n) => handler.delayFor(n))).toEqual([10, 30, 90])
  })

  it('asks the retryable predicate and treats a throwing predicate as "not retryable"', () => {
    const handler = new ErrorHandler({ retryable: (e) => e instanceof TypeError })
    expect(handler.isRetryable(new TypeError('t'))).toBe(true)
    expect(handler.isRetryable(new Error('e'))).toBe(false)
    const broken = new ErrorHandler({
      retryable: () => {
        throw new Error('broken predicate')
      },
    })
    expect(broken.isRetryable(new Error('e'))).toBe(false)
  })

  it('rejects invalid options with INVALID_ARGUMENT', () => {
    for (const options of [
      { strategy: 'bogus' as 'stop' },
      { maxRetries: -1 },
      { maxRetries: 1.5 },
      { retryDelayMs: -5 },
      { retryBackoff: 0 },
      { retryable: 'yes' as unknown as () => boolean },
    ]) {
      expect(codeOf(() => new ErrorHandler(options))).toBe(ErrorCode.INVALID_ARGUMENT)
    }
  })
})
