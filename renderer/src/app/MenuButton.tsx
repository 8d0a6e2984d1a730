/** A menu in the top bar: a button that opens a list of commands. */
import { type KeyboardEvent as ReactKeyboardEvent, useEffect, useRef, useState } from 'react'
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
  const button = useRef<HTMLButtonElement>(null)
  // Which item takes the focus once a menu opened from the keyboard has rendered.
  const focusOnOpen = useRef<'first' | 'last' | null>(null)
  const mac = isMac()

  useEffect(() => {
    if (!open || !focusOnOpen.current) return
    const items = enabledItems(root.current)
    ;(focusOnOpen.current === 'first' ? items[0] : items.at(-1))?.focus()
    focusOnOpen.current = null
  }, [open])

  const onKeyDown = (event: ReactKeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      setOpen(false)
      button.current?.focus()
      return
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    event.preventDefault()
    const down = event.key === 'ArrowDown'
    if (!open) {
      focusOnOpen.current = down ? 'first' : 'last'
      setOpen(true)
      return
    }
    const items = enabledItems(root.current)
    const at = items.indexOf(document.activeElement as HTMLButtonElement)
    const next = at < 0 ? (down ? 0 : items.length - 1) : (at + (down ? 1 : items.length - 1)) % items.length
    items[next]?.focus()
  }

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
    // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys move between the button and its items
    <div className="menu" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={button}
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

function enabledItems(root: HTMLElement | null): HTMLButtonElement[] {
  return [...(root?.querySelectorAll<HTMLButtonElement>('.menu-item:not(:disabled)') ?? [])]
}
