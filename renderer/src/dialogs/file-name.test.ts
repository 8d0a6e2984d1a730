import { describe, expect, it } from 'vitest'
import { fileNameError, flowFilePath, isOpenable } from './file-name'

describe('fileNameError', () => {
  it.each(['flow', 'my flow ünï.routilux.json', 'a..b', 'x.json'])('accepts %s', (name) => {
    expect(fileNameError(name)).toBeNull()
  })

  it.each([
    ['', 'Enter a file name.'],
    ['a/b', 'without folders'],
    ['a\\b', 'without folders'],
    ['..', 'start with a dot'],
    ['.hidden', 'start with a dot'],
  ])('refuses %j', (name, message) => {
    expect(fileNameError(name)).toContain(message)
  })
})

describe('isOpenable', () => {
  it('lists flows, other JSON files and the backups of flows', () => {
    expect(['a.routilux.json', 'b.json', 'a.routilux.json.bak'].map(isOpenable)).toEqual([true, true, true])
    expect(['notes.txt', 'c.d2', 'old.bak'].map(isOpenable)).toEqual([false, false, false])
  })
})

describe('flowFilePath', () => {
  it.each([
    ['a', 'a.routilux.json'],
    ['a.json', 'a.routilux.json'],
    ['sub/a.routilux', 'sub/a.routilux.json'],
    ['a.routilux.json', 'a.routilux.json'],
    ['v1.2', 'v1.2.routilux.json'],
  ])('saves %s as %s', (typed, path) => {
    expect(flowFilePath(typed)).toBe(path)
  })
})
