/** What a command can reach: the store, the canvas and the clipboard. */
import type { ReactFlowInstance } from '@xyflow/react'
import type { ConnectionEdgeType, FlowNode } from '../canvas/flow-mapper'
import type { StudioStore } from '../store/state'
import type { ClipboardPort } from './clipboard'

export interface CommandContext {
  readonly store: StudioStore
  readonly flow: ReactFlowInstance<FlowNode, ConnectionEdgeType>
  readonly clipboard: ClipboardPort
}

export type CommandGroup = 'File' | 'Edit' | 'Selection' | 'Layout' | 'View' | 'Run' | 'Help'

export interface Command {
  readonly id: string
  readonly label: string
  readonly group: CommandGroup
  /** Shortcuts; the first is shown in menus and the help overlay. */
  readonly keys?: readonly string[]
  /** Shortcut shown in help but handled elsewhere (clipboard events, React Flow gestures). */
  readonly displayKeys?: readonly string[]
  /** Whether the shortcut also works while typing in a text field. */
  readonly inFields?: boolean
  readonly run: (ctx: CommandContext, arg?: string) => void
}
