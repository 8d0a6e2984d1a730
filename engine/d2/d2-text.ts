/**
 * Writing D2 text safely. Labels are double-quoted strings with every special character escaped
 * (including `$`, which starts a substitution). Shape keys are quoted too, but since D2 keys are
 * case-insensitive and some characters have meaning even inside quotes, a key is the original name
 * only when it is a plain identifier, not a D2 keyword and not yet taken (ignoring case); otherwise a
 * generated one. The
 * real name always appears in the label, so nothing is lost.
 */

const PLAIN_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/
/**
 * D2 keywords that look like plain identifiers. Quoted, they still name shapes, but D2 folds their
 * case in shape ids, so they are never used as keys (hyphenated keywords fail PLAIN_KEY already).
 */
const KEYWORDS = new Set(
  (
    'label desc shape icon constraint tooltip link near width height direction top left class classes ' +
    'vars layers scenarios steps style opacity fill stroke shadow multiple animated filled bold italic ' +
    'underline font null legend grid imports import'
  ).split(' '),
)
/** C0 and C1 controls other than tab and newline, which D2 strings cannot carry. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** Replaces unpaired UTF-16 surrogates, which no text encoding can carry, with U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd')
}

/** The text a D2 label will show: well-formed, `\n` line breaks, no other control characters. */
export function normalizeLabel(text: string): string {
  return wellFormed(text).replace(/\r\n?/g, '\n').replace(UNPRINTABLE, '\ufffd')
}

/** Makes text safe to place between double quotes in D2. */
export function escapeD2(text: string): string {
  return normalizeLabel(text).replace(/[\\"$\n\t]/g, (c) =>
    c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\${c}`,
  )
}

/** A double-quoted D2 string. */
export function d2String(text: string): string {
  return `"${escapeD2(text)}"`
}

/** A D2 comment line (`# …`), with line breaks and controls flattened to spaces. */
export function d2Comment(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose
  return `# ${wellFormed(text).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')}`.trimEnd()
}

/** Shortens a label line to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = [...text]
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text
}

/**
 * Allocates unique D2 keys within one scope. Plain identifiers keep their name; everything else
 * (and any name whose lower-case form is taken) gets `prefix` + a number.
 */
export class KeyAllocator {
  private readonly used = new Set<string>()

  constructor(reserved: readonly string[] = []) {
    for (const key of reserved) this.used.add(key.toLowerCase())
  }

  /** Assigns keys to `names` (in order): plain names first, then generated keys for the rest. */
  assign(names: readonly string[], prefix: string): string[] {
    const keys: (string | undefined)[] = names.map((name) => {
      const lower = name.toLowerCase()
      if (!PLAIN_KEY.test(name) || KEYWORDS.has(lower) || this.used.has(lower)) return undefined
      this.used.add(lower)
      return name
    })
    return keys.map((key, i) => key ?? this.generate(prefix, i + 1))
  }

  private generate(prefix: string, n: number): string {
    let key = `${prefix}${n}`
    for (let k = 2; this.used.has(key.toLowerCase()); k++) key = `${prefix}${n}_${k}`
    this.used.add(key.toLowerCase())
    return key
  }
}
