/** Inspector for one routine: id, title, config form, merge strategies, error handler, problems. */
import { useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { RoutineSpec } from '../../../engine/document/types'
import { typeStyle } from '../canvas/category-style'
import { portViews, referencedPorts } from '../canvas/ports'
import { TEXT_LIMITS } from '../document/text-limits'
import { SchemaForm } from '../forms/SchemaForm'
import { TypeIcon } from '../icons/TypeIcon'
import { useStudioStore } from '../store/StoreProvider'
import type { StudioState } from '../store/state'
import { useStudio } from '../store/useStudio'
import { ErrorHandlerForm } from './ErrorHandlerForm'
import { IdField } from './IdField'
import { ProblemList } from './ProblemList'
import { Section } from './Section'
import { SlotMergeList } from './SlotMergeList'

const selectContext = (s: StudioState) => ({
  descriptors: s.descriptors,
  connections: s.doc.connections,
  flowStrategy: s.doc.execution.errorHandler?.strategy,
  problems: s.problems,
})

/** `$.routines[3].config.max` → `$.max` for the config form; other paths give undefined. */
function configPath(path: string): string | undefined {
  const match = /^\$\.routines\[\d+\]\.config(.*)$/.exec(path)
  return match ? `$${match[1] ?? ''}` : undefined
}

export function RoutineInspector({ routine }: { routine: RoutineSpec }) {
  const store = useStudioStore()
  const { descriptors, connections, flowStrategy, problems } = useStudio(useShallow(selectContext))
  const descriptor = descriptors.get(routine.type)
  const ports = useMemo(
    () => portViews(routine, descriptor, referencedPorts(connections)),
    [routine, descriptor, connections],
  )
  const own = useMemo(
    () => problems.filter((p) => p.location.routineId === routine.id),
    [problems, routine.id],
  )
  const configIssues = useMemo(
    () =>
      own.flatMap((p) => {
        const path = configPath(p.location.path)
        return path === undefined ? [] : [{ path, message: p.message }]
      }),
    [own],
  )
  const s = () => store.getState()
  const style = typeStyle(descriptor)

  return (
    <div className="inspector-body" data-testid="routine-inspector">
      <div className="inspector-head" style={{ borderColor: style.color }}>
        <span className="routine-icon" style={{ background: style.color }} aria-hidden>
          <TypeIcon icon={style.icon} />
        </span>
        <div>
          <div className="inspector-title">{descriptor?.title ?? 'Unknown type'}</div>
          <div className="muted small code">{routine.type}</div>
        </div>
      </div>
      {descriptor?.description && <p className="help">{descriptor.description}</p>}
      {!descriptor && (
        <p className="field-error">
          This type is not in the routine library. The routine is kept as it is; install the plugin that
          provides it or replace it.
        </p>
      )}
      <Section title="Routine">
        <IdField id={routine.id} onRename={(to) => s().renameRoutine(routine.id, to)} />
        <div className="form-field">
          <label htmlFor="routine-title">Title</label>
          <input
            id="routine-title"
            className="input"
            maxLength={TEXT_LIMITS.routineTitle}
            value={routine.title ?? ''}
            placeholder={descriptor?.title ?? routine.type}
            onChange={(e) => s().updateRoutine(routine.id, { title: e.target.value }, `title:${routine.id}`)}
          />
        </div>
        <div className="form-field">
          <label htmlFor="routine-description">Notes</label>
          <textarea
            id="routine-description"
            className="input"
            maxLength={TEXT_LIMITS.routineDescription}
            rows={2}
            value={routine.description ?? ''}
            onChange={(e) =>
              s().updateRoutine(routine.id, { description: e.target.value }, `description:${routine.id}`)
            }
          />
        </div>
      </Section>
      {descriptor && (
        <Section title="Configuration">
          <SchemaForm
            key={routine.id}
            idPrefix={`config-${routine.id}`}
            schema={descriptor.configSchema}
            value={routine.config}
            extraIssues={configIssues}
            onChange={(config, path) =>
              s().setRoutineConfig(routine.id, config, `config:${routine.id}:${path}`)
            }
          />
        </Section>
      )}
      <Section title="Input slots">
        <SlotMergeList
          slots={ports.slots}
          overrides={routine.merge}
          onChange={(slot, merge) => s().setSlotMerge(routine.id, slot, merge)}
        />
      </Section>
      <Section title="Error handling">
        <ErrorHandlerForm
          idPrefix={`handler-${routine.id}`}
          value={routine.errorHandler}
          inheritLabel={`flow (${flowStrategy ?? 'stop'})`}
          onChange={(handler, field) =>
            s().setRoutineErrorHandler(routine.id, handler, `handler:${routine.id}:${field}`)
          }
        />
      </Section>
      {own.length > 0 && (
        <Section title={`Problems (${own.length})`}>
          <ProblemList problems={own} />
        </Section>
      )}
    </div>
  )
}
