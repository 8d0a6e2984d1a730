/**
 * Fenced code blocks in text: ```lang … ``` and ```{lang} … ```, case-insensitive. All blocks of the
 * first form come before those of the second, as in Routilux.
 */

/** Contents of every block fenced with `lang`, in the Routilux order, trimmed. */
export function codeBlocks(text: string, lang: string): string[] {
  const escaped = lang.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const plain = new RegExp(`\`\`\`${escaped}\\s*\\n([\\s\\S]*?)\`\`\``, 'gi')
  const braced = new RegExp(`\`\`\`\\{${escaped}\\}\\s*\\n([\\s\\S]*?)\`\`\``, 'gi')
  return [...text.matchAll(plain), ...text.matchAll(braced)].map((m) => (m[1] ?? '').trim())
}
