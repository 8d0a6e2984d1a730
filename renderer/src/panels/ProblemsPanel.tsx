/** The problems panel: live validation of the document; click a problem to focus what it concerns. */
import { useShallow } from 'zustand/react/shallow'
import { Icon } from '../icons/Icon'
import { ProblemList } from '../inspector/ProblemList'
import { useStudioStore } from '../store/StoreProvider'
import type { StudioState } from '../store/state'
import { useStudio } from '../store/useStudio'

const selectProblems = (s: StudioState) => ({ problems: s.problems, unreadable: s.unreadableText })

export function ProblemsPanel() {
  const store = useStudioStore()
  const { problems, unreadable } = useStudio(useShallow(selectProblems))
  return (
    <section className="problems-panel" aria-label="Problems" data-testid="problems-panel">
      <header className="panel-header">
        <span className="panel-title">Problems ({problems.length})</span>
        <button
          type="button"
          className="icon-button"
          aria-label="Close problems"
          onClick={() => store.getState().togglePanel('problems', false)}
        >
          <Icon name="close" />
        </button>
      </header>
      <div className="problems-scroll">
        {problems.length === 0 ? (
          <p className="muted small">No problems found.</p>
        ) : (
          <ProblemList problems={problems} showLocation />
        )}
        {unreadable !== null && (
          <details className="unreadable" open>
            <summary>File content (could not be read as a flow)</summary>
            <pre className="code">{unreadable.slice(0, 20_000)}</pre>
          </details>
        )}
      </div>
    </section>
  )
}
