/** Merge strategy per slot: the type's default, or an override stored with the routine. */
import type { SlotView } from '../canvas/ports'

interface SlotMergeListProps {
  readonly slots: readonly SlotView[]
  readonly overrides: Readonly<Record<string, 'override' | 'append'>> | undefined
  readonly onChange: (slot: string, merge: 'override' | 'append' | undefined) => void
}

export function SlotMergeList({ slots, overrides, onChange }: SlotMergeListProps) {
  if (slots.length === 0) return <p className="muted small">No input slots.</p>
  return (
    <table className="slot-table">
      <tbody>
        {slots.map((slot) => {
          return (
            <tr key={slot.name}>
              <td className="code">{slot.name}</td>
              <td>
                {slot.typeMerge === 'custom' ? (
                  <span className="muted small" title="This slot merges with code of its type">
                    custom
                  </span>
                ) : (
                  <select
                    className="input"
                    aria-label={`Merge strategy of ${slot.name}`}
                    value={overrides?.[slot.name] ?? ''}
                    onChange={(e) =>
                      onChange(
                        slot.name,
                        e.target.value === '' ? undefined : (e.target.value as 'override' | 'append'),
                      )
                    }
                  >
                    <option value="">Type default ({slot.typeMerge})</option>
                    <option value="override">override — latest wins</option>
                    <option value="append">append — collect all</option>
                  </select>
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
