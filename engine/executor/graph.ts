/**
 * The flow's routines and connections, with a per-(routine, event) fan-out table so an emit finds
 * its target slots with two map lookups and no allocation.
 */
import { Connection } from '../connection'
import { ErrorCode, RoutiluxError } from '../errors'
import type { Routine } from '../routine'
import type { Slot } from '../slot'

/** A routine as placed in the flow, with the fan-out tables of its events. */
export interface RoutineNode {
  readonly id: string
  readonly routine: Routine
  /** event → targets; an event appears once it has been connected. */
  readonly outs: Map<string, OutTable>
}

/** A resolved delivery target: the routine and slot, plus the connection that leads there (none for an entry). */
export interface OutLink {
  readonly routineId: string
  readonly routine: Routine
  readonly slot: Slot
  readonly connectionId: string | undefined
  /** The target's node, so an emit from the target finds its own fan-out without an id lookup. */
  readonly node: RoutineNode
}

/** Targets of one routine event, plus the connection ids reported in `eventEmitted`. */
export interface OutTable {
  readonly links: readonly OutLink[]
  readonly ids: readonly string[]
}

/** A delivery target: `slot` of `node`'s routine, reached through `connectionId` (none for entry and deferred deliveries). */
export function linkTo(node: RoutineNode, slot: Slot, connectionId?: string): OutLink {
  return { routineId: node.id, routine: node.routine, slot, connectionId, node }
}

/** Fan-out of a declared event without connections. */
export const NO_OUTS: OutTable = Object.freeze({ links: Object.freeze([]), ids: Object.freeze([]) })

function fail(code: string, message: string, details: Record<string, unknown>): never {
  throw new RoutiluxError(code, message, details)
}

/** Routines by flow id and the connections between them. */
export class FlowGraph {
  readonly routines = new Map<string, Routine>()
  readonly connections: Connection[] = []
  readonly #byId = new Map<string, Connection>()
  readonly #nodes = new Map<string, RoutineNode>()
  #nextRoutine = 1
  #nextConnection = 1

  /** Adds `routine` under `id` (or a generated one); a taken id throws `DUPLICATE_ROUTINE`. */
  addRoutine(routine: Routine, id?: string): string {
    if (id !== undefined && (typeof id !== 'string' || id.length === 0)) {
      fail(ErrorCode.INVALID_ARGUMENT, 'routine id must be a non-empty string', { id })
    }
    let routineId = id
    if (routineId === undefined) {
      do routineId = `routine-${this.#nextRoutine++}`
      while (this.routines.has(routineId))
    }
    if (this.routines.has(routineId)) {
      fail(ErrorCode.DUPLICATE_ROUTINE, `routine "${routineId}" already exists in the flow`, { routineId })
    }
    this.routines.set(routineId, routine)
    this.#nodes.set(routineId, { id: routineId, routine, outs: new Map() })
    return routineId
  }

  /** Removes routine `id` and every connection touching it. */
  removeRoutine(id: string): void {
    this.routine(id)
    for (const connection of [...this.connections]) {
      if (connection.sourceId === id || connection.targetId === id) this.disconnect(connection)
    }
    this.routines.delete(id)
    this.#nodes.delete(id)
  }

  /** The routine with flow id `id`; unknown ids throw `UNKNOWN_ROUTINE`. */
  routine(id: string): Routine {
    const routine = this.routines.get(id)
    if (routine === undefined)
      fail(ErrorCode.UNKNOWN_ROUTINE, `no routine "${id}" in the flow`, { routineId: id })
    return routine
  }

  /** Wires `sourceId.event` to `targetId.slot`, validating both ends. */
  connect(sourceId: string, event: string, targetId: string, slot: string, id?: string): Connection {
    const source = this.routine(sourceId)
    if (!source.events.has(event)) {
      fail(ErrorCode.UNKNOWN_EVENT, `routine "${sourceId}" has no event "${event}"`, {
        routineId: sourceId,
        event,
      })
    }
    const target = this.routine(targetId)
    const targetSlot = target.getSlot(slot)
    if (targetSlot === undefined) {
      fail(ErrorCode.UNKNOWN_SLOT, `routine "${targetId}" has no slot "${slot}"`, {
        routineId: targetId,
        slot,
      })
    }
    const same = this.connections.find(
      (c) => c.sourceId === sourceId && c.event === event && c.targetId === targetId && c.slot === slot,
    )
    if (same !== undefined) {
      fail(
        ErrorCode.DUPLICATE_CONNECTION,
        `"${sourceId}.${event}" is already connected to "${targetId}.${slot}"`,
        {
          connectionId: same.id,
        },
      )
    }
    let connectionId = id
    if (connectionId === undefined) {
      do connectionId = `c${this.#nextConnection++}`
      while (this.#byId.has(connectionId))
    } else if (this.#byId.has(connectionId)) {
      fail(ErrorCode.DUPLICATE_CONNECTION, `connection id "${connectionId}" already exists`, { connectionId })
    }
    const connection = new Connection(connectionId, sourceId, event, targetId, slot)
    this.connections.push(connection)
    this.#byId.set(connectionId, connection)
    this.#rebuild(sourceId, event)
    return connection
  }

  /** Removes a connection (object or id); unknown ones throw `UNKNOWN_CONNECTION`. */
  disconnect(connection: Connection | string): void {
    const id = typeof connection === 'string' ? connection : connection.id
    const found = this.#byId.get(id)
    if (found === undefined)
      fail(ErrorCode.UNKNOWN_CONNECTION, `no connection "${id}" in the flow`, { connectionId: id })
    this.#byId.delete(id)
    this.connections.splice(this.connections.indexOf(found), 1)
    this.#rebuild(found.sourceId, found.event)
  }

  /** The node of routine `id`; unknown ids throw `UNKNOWN_ROUTINE`. */
  node(id: string): RoutineNode {
    const node = this.#nodes.get(id)
    if (node === undefined)
      fail(ErrorCode.UNKNOWN_ROUTINE, `no routine "${id}" in the flow`, { routineId: id })
    return node
  }

  /** A delivery target for routine `id`'s `slot`, outside any connection (entry and restored deliveries). */
  target(id: string, slot: Slot, connectionId?: string): OutLink {
    return linkTo(this.node(id), slot, connectionId)
  }

  #rebuild(sourceId: string, event: string): void {
    const links: OutLink[] = []
    for (const connection of this.connections) {
      if (connection.sourceId !== sourceId || connection.event !== event) continue
      const node = this.#nodes.get(connection.targetId)
      const slot = node?.routine.getSlot(connection.slot)
      if (node !== undefined && slot !== undefined) links.push(linkTo(node, slot, connection.id))
    }
    const ids = Object.freeze(links.map((l) => l.connectionId as string))
    this.#nodes.get(sourceId)?.outs.set(event, Object.freeze({ links, ids }))
  }
}
