/** Every command of the studio, by id: menus, shortcuts and the help overlay all use this list. */

import { runCommands } from '../run/run-commands'
import type { Command } from './command-context'
import { editCommands } from './edit-commands'
import { fileCommands } from './file-commands'
import { viewCommands } from './view-commands'

export const COMMANDS: readonly Command[] = [
  ...fileCommands,
  ...editCommands,
  ...viewCommands,
  ...runCommands,
]

export const COMMANDS_BY_ID: ReadonlyMap<string, Command> = new Map(COMMANDS.map((c) => [c.id, c]))
