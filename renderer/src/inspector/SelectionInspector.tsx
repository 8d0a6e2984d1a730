/** Inspector content for connections, notes and multiple selections (align and distribute). */
import type { ConnectionSpec, NoteSpec } from '../../../engine/document/types'
import { Icon } from '../icons/Icon'
import { useStudioStore } from '../store/StoreProvider'
import { Section } from './Section'

export function ConnectionInspector({ connection }: { connection: ConnectionSpec }) {
  const store = useStudioStore()
  return (
    <div className="inspector-body" data-testid="connection-inspector">
      <Section title="Connection">
        <p className="code small">{connection.id}</p>
        <dl className="facts">
          <dt>From</dt>
          <dd className="code">
            {connection.source.routine} · {connection.source.event}
          </dd>
          <dt>To</dt>
          <dd className="code">
            {connection.target.routine} · {connection.target.slot}
          </dd>
        </dl>
        <button
          type="button"
          className="button danger"
          onClick={() => store.getState().deleteItems({ connections: [connection.id] })}
        >
          Delete connection
        </button>
      </Section>
    </div>
  )
}

const NOTE_COLORS = ['', '#fff3b0', '#d7f5dd', '#dbe9ff', '#fde2e4', '#ece4ff']

export function NoteInspector({ note }: { note: NoteSpec }) {
  const store = useStudioStore()
  return (
    <div className="inspector-body">
      <Section title="Note">
        <fieldset className="swatches">
          <legend className="sr-only">Note colour</legend>
          {NOTE_COLORS.map((color) => (
            <button
              key={color || 'default'}
              type="button"
              aria-pressed={(note.color ?? '') === color}
              className="swatch"
              style={{ background: color || 'var(--note-bg)' }}
              title={color || 'Default'}
              onClick={() => store.getState().updateNote(note.id, { color: color || undefined })}
            />
          ))}
        </fieldset>
        <p className="help">Double-click the note on the canvas to edit its text.</p>
      </Section>
    </div>
  )
}

const ALIGN = [
  ['left', 'alignLeft', 'Align left'],
  ['center', 'alignCenter', 'Align centres'],
  ['right', 'alignRight', 'Align right'],
  ['top', 'alignTop', 'Align top'],
  ['middle', 'alignMiddle', 'Align middles'],
  ['bottom', 'alignBottom', 'Align bottom'],
] as const

/** What a multiple selection holds, by kind: "3 routines, 2 connections selected". */
export function selectionTitle(counts: { routines: number; connections: number; notes: number }): string {
  const parts = [
    [counts.routines, 'routine'],
    [counts.connections, 'connection'],
    [counts.notes, 'note'],
  ] as const
  const named = parts.filter(([n]) => n > 0).map(([n, word]) => `${n} ${word}${n === 1 ? '' : 's'}`)
  return `${named.join(', ')} selected`
}

export function MultiInspector({
  counts,
}: {
  counts: { routines: number; connections: number; notes: number }
}) {
  const store = useStudioStore()
  const s = () => store.getState()
  return (
    <div className="inspector-body" data-testid="multi-inspector">
      <Section title={selectionTitle(counts)}>
        <div className="button-row" role="toolbar" aria-label="Align">
          {ALIGN.map(([mode, icon, label]) => (
            <button
              key={mode}
              type="button"
              className="icon-button"
              title={label}
              aria-label={label}
              onClick={() => s().align(mode)}
            >
              <Icon name={icon} />
            </button>
          ))}
        </div>
        <div className="button-row">
          <button type="button" className="button small" onClick={() => s().distribute('horizontal')}>
            Distribute horizontally
          </button>
          <button type="button" className="button small" onClick={() => s().distribute('vertical')}>
            Distribute vertically
          </button>
        </div>
        <div className="button-row">
          <button type="button" className="button small" onClick={() => s().duplicateSelection()}>
            Duplicate
          </button>
          <button type="button" className="button small danger" onClick={() => s().deleteSelection()}>
            Delete
          </button>
        </div>
      </Section>
    </div>
  )
}
