/** Number formatting and plain-text tables for the benchmark report. */

/** A titled table: header plus rows of already formatted cells. */
export interface Table {
  readonly title: string
  readonly columns: readonly string[]
  readonly rows: readonly (readonly string[])[]
}

/** `digits` decimals with thousands separators; NaN prints as `-`. */
export function num(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return '-'
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

/** Milliseconds with a precision that suits their size. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '-'
  const abs = Math.abs(value)
  return num(value, abs < 1 ? 4 : abs < 100 ? 3 : 1)
}

/** `median [min-max]`, the layout of python-baseline.md's detailed tables. */
export function range(
  s: { median: number; min: number; max: number },
  fmt: (v: number) => string = ms,
): string {
  return `${fmt(s.median)} [${fmt(s.min)}-${fmt(s.max)}]`
}

/** Renders a table as Markdown (readable in a terminal, pastable into notes). */
export function renderTable(table: Table): string {
  const widths = table.columns.map((c, i) =>
    Math.max(c.length, ...table.rows.map((r) => (r[i] ?? '').length)),
  )
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
  return [
    `#### ${table.title}`,
    '',
    line(table.columns),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...table.rows.map(line),
  ].join('\n')
}
