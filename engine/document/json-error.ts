/**
 * Finds where JSON text stops being valid, so a parse error can name a line and column (the
 * runtime's JSON.parse message does not always carry a position). Runs only after JSON.parse has
 * failed, on text whose nesting depth is already bounded.
 */

const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y

/** Where and why JSON text is invalid. */
export interface JsonSyntaxError {
  readonly offset: number
  readonly line: number
  readonly column: number
  readonly message: string
}

/** Returns the first syntax error of `text`, or undefined when it is valid JSON. */
export function findJsonError(text: string): JsonSyntaxError | undefined {
  let i = 0
  const at = (offset: number, message: string): JsonSyntaxError => {
    const before = text.slice(0, offset)
    const line = before.split('\n').length
    return { offset, line, column: offset - before.lastIndexOf('\n'), message }
  }
  const skip = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++
  }
  const describeHere = () =>
    i >= text.length ? 'unexpected end of text' : `unexpected ${JSON.stringify(text.charAt(i))}`

  const string = (): JsonSyntaxError | undefined => {
    i++
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === 0x22) {
        i++
        return undefined
      }
      if (c < 0x20) return at(i, 'control character in string')
      if (c === 0x5c) {
        const e = text.charAt(i + 1)
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return at(i, 'invalid \\u escape')
          i += 6
        } else if ('"\\/bfnrt'.includes(e) && e !== '') i += 2
        else return at(i, 'invalid escape in string')
      } else i++
    }
    return at(i, 'unterminated string')
  }

  const value = (): JsonSyntaxError | undefined => {
    skip()
    const c = text.charAt(i)
    if (c === '"') return string()
    if (c === '{') {
      i++
      skip()
      if (text.charAt(i) === '}') {
        i++
        return undefined
      }
      for (;;) {
        skip()
        if (text.charAt(i) !== '"') return at(i, `expected a property name, ${describeHere()}`)
        const e = string()
        if (e) return e
        skip()
        if (text.charAt(i) !== ':') return at(i, `expected ":", ${describeHere()}`)
        i++
        const v = value()
        if (v) return v
        skip()
        if (text.charAt(i) === ',') i++
        else if (text.charAt(i) === '}') {
          i++
          return undefined
        } else return at(i, `expected "," or "}", ${describeHere()}`)
      }
    }
    if (c === '[') {
      i++
      skip()
      if (text.charAt(i) === ']') {
        i++
        return undefined
      }
      for (;;) {
        const v = value()
        if (v) return v
        skip()
        if (text.charAt(i) === ',') i++
        else if (text.charAt(i) === ']') {
          i++
          return undefined
        } else return at(i, `expected "," or "]", ${describeHere()}`)
      }
    }
    LITERAL.lastIndex = i
    const literal = LITERAL.exec(text)
    if (literal) {
      i += literal[0].length
      return undefined
    }
    return at(i, `expected a value, ${describeHere()}`)
  }

  const error = value()
  if (error) return error
  skip()
  return i < text.length ? at(i, `unexpected text after the document, ${describeHere()}`) : undefined
}
