/** A scrolling table of the run panel (jobs, snapshots) with its column heads and an empty-state line. */
import type { ReactNode } from 'react'

export interface RunColumn {
  readonly label: string
  /** Right-aligned numbers. */
  readonly numeric?: boolean
}

interface RunTableProps {
  readonly columns: readonly RunColumn[]
  readonly rows: number
  /** Shown below the heads when there are no rows. */
  readonly empty: ReactNode
  readonly testId: string
  readonly children: ReactNode
}

export function RunTable({ columns, rows, empty, testId, children }: RunTableProps) {
  return (
    <div className="run-scroll">
      <table className="run-table" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c, i) => (
              // Heads may be blank (an actions column), so the position keys them.
              // biome-ignore lint/suspicious/noArrayIndexKey: the column list is fixed for a table
              <th key={i} className={c.numeric ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {rows === 0 && <p className="muted run-empty">{empty}</p>}
    </div>
  )
}
