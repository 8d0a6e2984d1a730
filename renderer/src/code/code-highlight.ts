/**
 * Syntax colours for the code editors, read from the theme's CSS variables so they follow the light
 * and dark themes (CodeMirror's default colours are made for a light background only).
 */
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import type { Extension } from '@codemirror/state'
import { tags } from '@lezer/highlight'

const style = HighlightStyle.define([
  { tag: [tags.keyword, tags.operatorKeyword, tags.modifier], color: 'var(--code-keyword)' },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: 'var(--code-string)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--code-number)' },
  {
    tag: [tags.comment, tags.lineComment, tags.blockComment],
    color: 'var(--code-comment)',
    fontStyle: 'italic',
  },
  {
    tag: [tags.definition(tags.variableName), tags.function(tags.variableName), tags.propertyName],
    color: 'var(--code-name)',
  },
  { tag: [tags.typeName, tags.className], color: 'var(--code-type)' },
  { tag: tags.invalid, color: 'var(--danger)' },
])

/** The themed highlighting; it takes the place of CodeMirror's default style. */
export const codeHighlighting: Extension = syntaxHighlighting(style)
