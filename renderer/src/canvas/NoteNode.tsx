/** A sticky note: Markdown-free text, resizable, dragged by its top strip, edited in place. */
import { type NodeProps, NodeResizer } from '@xyflow/react'
import { memo, useCallback, useState } from 'react'
import { TEXT_LIMITS } from '../document/text-limits'
import { useStudioStore } from '../store/StoreProvider'
import type { NoteNodeType } from './flow-mapper'

function NoteNodeView({ data, selected }: NodeProps<NoteNodeType>) {
  const store = useStudioStore()
  const { note } = data
  // A note just added (empty and selected) opens for writing; an empty note in an opened flow does
  // not take the keyboard.
  const [editing, setEditing] = useState(note.text === '' && selected === true)
  const onChange = useCallback(
    (text: string) => store.getState().updateNote(note.id, { text }, `note:${note.id}`),
    [store, note.id],
  )
  return (
    <div
      className={`note-node${selected ? ' selected' : ''}${note.color ? ' coloured' : ''}`}
      style={note.color ? { background: note.color } : undefined}
    >
      <NodeResizer isVisible={selected === true} minWidth={120} minHeight={60} />
      <div className="note-drag" title="Drag to move" />
      {editing ? (
        <textarea
          className="note-text nodrag nowheel"
          aria-label="Note text"
          maxLength={TEXT_LIMITS.noteText}
          defaultValue={note.text}
          placeholder="Write a note…"
          // biome-ignore lint/a11y/noAutofocus: a new or double-clicked note is edited at once
          autoFocus
          onChange={(e) => onChange(e.target.value)}
          onBlur={() => setEditing(false)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') e.currentTarget.blur()
            e.stopPropagation()
          }}
        />
      ) : (
        // biome-ignore lint/a11y/noStaticElementInteractions: double-click to edit, like every canvas editor
        <div className="note-text" onDoubleClick={() => setEditing(true)}>
          {note.text || <span className="note-placeholder">Double-click to write</span>}
        </div>
      )}
    </div>
  )
}

export const NoteNode = memo(NoteNodeView)
