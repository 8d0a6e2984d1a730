/** A menu in the top bar: a button that opens a list of commands. */
import { useEffect, useRef, useState } from 'react'
import { COMMANDS_BY_ID } from '../commands/commands'
import { formatShortcut, isMac } from '../commands/keymap'
import { useStudioStore } from '../store/StoreProvider'

export type MenuEntry =
  | { readonly command: string; readonly arg?: string; readonly label?: string; readonly disabled?: boolean }
  | { readonly separator: true }
  | { readonly heading: string }

function entryKey(entry: MenuEntry | undefined): string {
  if (!entry) return 'start'
  if ('command' in entry) return `${entry.command}:${entry.arg ?? ''}`
  return 'heading' in entry ? entry.heading : 'separator'
}

export function MenuButton({ label, entries }: { label: string; entries: readonly MenuEntry[] }) {
  const store = useStudioStore()
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const mac = isMac()

  useEffect(() => {
    if (!open) return
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === 'Escape'
          : !root.current?.contains(event.target as Node)
      ) {
        setOpen(false)
      }
    }
    document.addEventListener('mousedown', close)
    document.addEventListener('keydown', close)
    return () => {
      document.removeEventListener('mousedown', close)
      document.removeEventListener('keydown', close)
    }
  }, [open])

  return (
    <div className="menu" ref={root}>
      <button
        type="button"
        className={`menu-button${open ? ' open' : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {label}
      </button>
      {open && (
        <div className="menu-list" role="menu">
          {entries.map((entry, i) => {
            if ('separator' in entry) return <hr key={`sep-after-${entryKey(entries[i - 1])}`} />
            if ('heading' in entry)
              return (
                <div key={`h-${entry.heading}`} className="menu-heading">
                  {entry.heading}
                </div>
              )
            const command = COMMANDS_BY_ID.get(entry.command)
            const keys = command?.keys?.[0] ?? command?.displayKeys?.[0]
            return (
              <button
                key={`${entry.command}:${entry.arg ?? ''}`}
                type="button"
                role="menuitem"
                className="menu-item"
                disabled={entry.disabled}
                onClick={() => {
                  setOpen(false)
                  store.getState().dispatchCommand(entry.command, entry.arg)
                }}
              >
                <span>{entry.label ?? command?.label ?? entry.command}</span>
                {keys && !entry.arg && <kbd>{formatShortcut(keys, mac)}</kbd>}
              </button>
            )
          })}
        </div>
      )}
    </div>
  )
}
