import { describe, expect, it } from 'vitest'
import { ErrorCode, isRoutiluxError, RoutiluxError, toErrorInfo } from './errors'

describe('RoutiluxError', () => {
  it('keeps its code and details', () => {
    const error = new RoutiluxError(ErrorCode.UNKNOWN_ROUTINE, 'no routine "x"', { routineId: 'x' })
    expect(error).toBeInstanceOf(Error)
    expect(error.code).toBe('UNKNOWN_ROUTINE')
    expect(error.details).toEqual({ routineId: 'x' })
    expect(isRoutiluxError(error, 'UNKNOWN_ROUTINE')).toBe(true)
    expect(isRoutiluxError(error, 'UNKNOWN_SLOT')).toBe(false)
  })

  it('turns foreign errors into HANDLER_ERROR keeping name and message', () => {
    const info = toErrorInfo(new TypeError('bad'))
    expect(info).toMatchObject({ code: 'HANDLER_ERROR', name: 'TypeError', message: 'bad' })
    expect(toErrorInfo('plain')).toMatchObject({ code: 'HANDLER_ERROR', message: 'plain' })
    expect(toErrorInfo({ a: 1 })).toMatchObject({ message: '{"a":1}' })
  })
})
