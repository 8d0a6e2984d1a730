/**
 * Fixed geometry of the routine node. Sizes are known before the DOM measures anything, so the
 * mappers can hand React Flow explicit sizes and auto-layout can run before the first paint.
 */
export const NODE_WIDTH = 232
export const NODE_HEADER_HEIGHT = 50
export const PORT_ROW_HEIGHT = 22
export const NODE_PADDING_BOTTOM = 8
export const HANDLE_SIZE = 10

/** Height of a routine node with the given number of slots and events. */
export function routineNodeHeight(slotCount: number, eventCount: number): number {
  const rows = Math.max(1, slotCount, eventCount)
  return NODE_HEADER_HEIGHT + rows * PORT_ROW_HEIGHT + NODE_PADDING_BOTTOM
}

/** Vertical centre of port row `index`, relative to the node's top. */
export function portOffsetY(index: number): number {
  return NODE_HEADER_HEIGHT + index * PORT_ROW_HEIGHT + PORT_ROW_HEIGHT / 2
}

/** Handle ids: slots and events live in separate namespaces so a slot and an event may share a name. */
export const slotHandleId = (slot: string): string => `s:${slot}`
export const eventHandleId = (event: string): string => `e:${event}`

/** The slot or event name a handle id refers to, or undefined for a handle of the other kind. */
export function slotFromHandle(handle: string | null | undefined): string | undefined {
  return handle?.startsWith('s:') ? handle.slice(2) : undefined
}
export function eventFromHandle(handle: string | null | undefined): string | undefined {
  return handle?.startsWith('e:') ? handle.slice(2) : undefined
}

/** Note nodes share React Flow's id space with routines; the prefix keeps them apart. */
export const NOTE_PREFIX = 'note:'
export const noteNodeId = (id: string): string => `${NOTE_PREFIX}${id}`
export function noteIdFromNode(nodeId: string): string | undefined {
  return nodeId.startsWith(NOTE_PREFIX) ? nodeId.slice(NOTE_PREFIX.length) : undefined
}
