/** The keyboard shortcut overlay (?), built from the command list so it never drifts. */
import type { CommandGroup } from '../commands/command-context'
import { COMMANDS } from '../commands/commands'
import { formatShortcut, isMac } from '../commands/keymap'
import { useStudioStore } from '../store/StoreProvider'
import { Modal } from './Modal'

const GROUPS: CommandGroup[] = ['File', 'Edit', 'Selection', 'Layout', 'View', 'Run', 'Help']

const GESTURES: [string, string][] = [
  ['Drag from an event to a slot', 'Connect'],
  ['Drop a connection on empty canvas', 'Add a routine and connect it'],
  ['Double-click the canvas', 'Add a routine here'],
  ['Shift + drag on the canvas', 'Box select'],
  ['Ctrl/Cmd/Shift + click', 'Add to the selection'],
  ['Drag the canvas / scroll', 'Pan / zoom'],
]

export function ShortcutsDialog() {
  const store = useStudioStore()
  const mac = isMac()
  return (
    <Modal
      title="Keyboard shortcuts"
      onClose={() => store.getState().closeDialog()}
      wide
      testId="shortcuts-dialog"
    >
      <div className="shortcut-columns">
        {GROUPS.map((group) => {
          const commands = COMMANDS.filter(
            (c) => c.group === group && ((c.keys?.length ?? 0) > 0 || (c.displayKeys?.length ?? 0) > 0),
          )
          if (commands.length === 0) return null
          return (
            <section key={group}>
              <h3>{group}</h3>
              <dl className="shortcut-list">
                {commands.map((c) => (
                  <div key={c.id} className="shortcut-row">
                    <dt>{c.label}</dt>
                    <dd>
                      {[...(c.keys ?? []), ...(c.displayKeys ?? [])].slice(0, 2).map((k) => (
                        <kbd key={k}>{formatShortcut(k, mac)}</kbd>
                      ))}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          )
        })}
        <section>
          <h3>Mouse</h3>
          <dl className="shortcut-list">
            {GESTURES.map(([gesture, action]) => (
              <div key={gesture} className="shortcut-row">
                <dt>{action}</dt>
                <dd className="muted small">{gesture}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </Modal>
  )
}
