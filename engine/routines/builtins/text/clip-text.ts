/**
 * TextClipper's algorithm as a pure function. Lengths count code points, as Routilux (Python) does.
 */
import { isRecord } from '../../../payload'
import { textOf } from '../shared/types'

/** Result of clipping. */
export interface Clipped {
  readonly clipped_text: string
  readonly was_clipped: boolean
  readonly original_length: number
}

/** Clipping options (from config, `maxLength` possibly from the message). */
export interface ClipOptions {
  readonly maxLength: number
  readonly preserveTracebacks: boolean
  readonly truncationMessage: string
}

const TEXT_KEYS = ['text', 'content', 'message', 'data'] as const

/** The text of an input: a string as is; an object's first string among text/content/message/data, else its first string value, else JSON. */
export function textOfInput(value: unknown): string {
  if (typeof value === 'string') return value
  if (isRecord(value)) {
    for (const key of TEXT_KEYS) if (typeof value[key] === 'string') return value[key] as string
    const first = Object.values(value).find((v) => typeof v === 'string')
    if (typeof first === 'string') return first
  }
  return textOf(value)
}

/** Keeps whole lines while they fit strictly under the limit, then appends the truncation message. */
export function clipText(text: string, options: ClipOptions): Clipped {
  const length = codePoints(text)
  if ((options.preserveTracebacks && text.includes('Traceback')) || length <= options.maxLength) {
    return { clipped_text: text, was_clipped: false, original_length: length }
  }
  const lines = text.split('\n')
  const kept: string[] = []
  let count = 0
  for (const line of lines) {
    const size = codePoints(line) + 1
    if (count + size >= options.maxLength) break
    kept.push(line)
    count += size
  }
  const message = options.truncationMessage.replaceAll('{remaining}', String(lines.length - kept.length))
  return { clipped_text: `${kept.join('\n')}\n${message}`, was_clipped: true, original_length: length }
}

function codePoints(text: string): number {
  let count = 0
  for (const _ of text) count += 1
  return count
}
