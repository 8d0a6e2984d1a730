/** A list of problems; clicking one focuses the routine or connection it concerns. */
import type { Problem } from '../../../engine/document/types'
import { useStudioStore } from '../store/StoreProvider'

export function ProblemList({
  problems,
  showLocation = false,
}: {
  problems: readonly Problem[]
  showLocation?: boolean
}) {
  const store = useStudioStore()
  const focus = (p: Problem) => {
    const s = store.getState()
    const { routineId, connectionId } = p.location
    if (routineId !== undefined && s.doc.routines.some((r) => r.id === routineId)) {
      s.select({ routines: [routineId] })
      s.requestFocus({ routineId })
    } else if (connectionId !== undefined && s.doc.connections.some((c) => c.id === connectionId)) {
      s.select({ connections: [connectionId] })
      s.requestFocus({ connectionId })
    }
  }
  return (
    <ul className="problem-list">
      {problems.map((p) => (
        <li key={`${p.code}:${p.location.path}:${p.message}`}>
          <button type="button" className={`problem ${p.severity}`} onClick={() => focus(p)} title={p.code}>
            <span className={`severity-dot ${p.severity}`} title={p.severity} />
            <span className="problem-message">{p.message}</span>
            {showLocation && (
              <span className="problem-location code">
                {p.location.routineId ?? p.location.connectionId ?? p.location.path}
              </span>
            )}
          </button>
        </li>
      ))}
    </ul>
  )
}
