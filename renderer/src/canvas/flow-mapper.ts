/**
 * Pure mappers from the flow document to React Flow nodes and edges. A mapper instance remembers its
 * last output per item and returns the very same object when the item's inputs did not change, so
 * React Flow and the memoised node components skip everything a drag or an edit did not touch.
 */
import { type Edge, type Node, type NodeHandle, Position } from '@xyflow/react'
import type {
  ConnectionSpec,
  FlowDocument,
  NoteSpec,
  Point,
  RoutineSpec,
} from '../../../engine/document/types'
import type { RoutineTypeDescriptor } from '../../../engine/routines/descriptor'
import type { ErrorStrategy } from '../../../engine/types'
import type { RoutineIcon } from '../icons/routine-icon'
import { typeStyle } from './category-style'
import {
  eventHandleId,
  HANDLE_SIZE,
  NODE_WIDTH,
  noteNodeId,
  portOffsetY,
  routineNodeHeight,
  slotHandleId,
} from './node-geometry'
import {
  type EventView,
  missingPortsKey,
  portViews,
  type ReferencedPorts,
  referencedPorts,
  type SlotView,
} from './ports'

export type ProblemLevel = 'error' | 'warning'

export interface ProblemIndex {
  readonly routines: ReadonlyMap<string, ProblemLevel>
  readonly connections: ReadonlyMap<string, ProblemLevel>
}

export interface SelectionSets {
  readonly routines: ReadonlySet<string>
  readonly connections: ReadonlySet<string>
  readonly notes: ReadonlySet<string>
}

export interface MapInput {
  readonly doc: FlowDocument
  readonly descriptors: ReadonlyMap<string, RoutineTypeDescriptor>
  readonly problems: ProblemIndex
  readonly selection: SelectionSets
}

export interface RoutineNodeData extends Record<string, unknown> {
  readonly routine: RoutineSpec
  readonly typeTitle: string
  readonly color: string
  readonly icon: RoutineIcon
  readonly slots: readonly SlotView[]
  readonly events: readonly EventView[]
  readonly unknownType: boolean
  readonly errorStrategy?: ErrorStrategy
  readonly problem?: ProblemLevel
}

export interface NoteNodeData extends Record<string, unknown> {
  readonly note: NoteSpec
}

export interface ConnectionEdgeData extends Record<string, unknown> {
  readonly connection: ConnectionSpec
  readonly problem?: ProblemLevel
}

export type RoutineNodeType = Node<RoutineNodeData, 'routine'>
export type NoteNodeType = Node<NoteNodeData, 'note'>
export type FlowNode = RoutineNodeType | NoteNodeType
export type ConnectionEdgeType = Edge<ConnectionEdgeData, 'connection'>

const ORIGIN: Point = { x: 0, y: 0 }

interface RoutineEntry {
  routine: RoutineSpec
  position: Point
  descriptor: RoutineTypeDescriptor | undefined
  missingKey: string
  problem: ProblemLevel | undefined
  selected: boolean
  node: RoutineNodeType
}

interface EdgeEntry {
  connection: ConnectionSpec
  problem: ProblemLevel | undefined
  selected: boolean
  edge: ConnectionEdgeType
}

export interface FlowMapper {
  nodes(input: MapInput): FlowNode[]
  edges(input: MapInput): ConnectionEdgeType[]
}

/** A mapper with its own memo; create one per canvas. */
export function createFlowMapper(): FlowMapper {
  let routineCache = new Map<string, RoutineEntry>()
  let noteCache = new Map<string, { note: NoteSpec; selected: boolean; node: NoteNodeType }>()
  let edgeCache = new Map<string, EdgeEntry>()
  let referencedFor: readonly ConnectionSpec[] | undefined
  let referenced: ReferencedPorts = referencedPorts([])

  return {
    nodes({ doc, descriptors, problems, selection }) {
      if (referencedFor !== doc.connections) {
        referenced = referencedPorts(doc.connections)
        referencedFor = doc.connections
      }
      const nextNotes = new Map<string, { note: NoteSpec; selected: boolean; node: NoteNodeType }>()
      const out: FlowNode[] = []
      for (const note of doc.notes) {
        const selected = selection.notes.has(note.id)
        const cached = noteCache.get(note.id)
        const entry =
          cached && cached.note === note && cached.selected === selected
            ? cached
            : { note, selected, node: noteNode(note, selected) }
        nextNotes.set(note.id, entry)
        out.push(entry.node)
      }
      const nextRoutines = new Map<string, RoutineEntry>()
      for (const routine of doc.routines) {
        const position = doc.layout.positions[routine.id] ?? ORIGIN
        const descriptor = descriptors.get(routine.type)
        const missingKey = missingPortsKey(routine.id, referenced)
        const problem = problems.routines.get(routine.id)
        const selected = selection.routines.has(routine.id)
        const cached = routineCache.get(routine.id)
        let entry: RoutineEntry
        if (
          cached &&
          cached.routine === routine &&
          cached.descriptor === descriptor &&
          cached.missingKey === missingKey &&
          cached.problem === problem
        ) {
          entry =
            cached.position === position && cached.selected === selected
              ? cached
              : { ...cached, position, selected, node: { ...cached.node, position, selected } }
        } else {
          const data = routineData(routine, descriptor, referenced, problem)
          entry = {
            routine,
            position,
            descriptor,
            missingKey,
            problem,
            selected,
            node: routineNode(routine.id, position, data, selected),
          }
        }
        nextRoutines.set(routine.id, entry)
        out.push(entry.node)
      }
      routineCache = nextRoutines
      noteCache = nextNotes
      return out
    },
    edges({ doc, problems, selection }) {
      const next = new Map<string, EdgeEntry>()
      const out: ConnectionEdgeType[] = []
      for (const connection of doc.connections) {
        const problem = problems.connections.get(connection.id)
        const selected = selection.connections.has(connection.id)
        const cached = edgeCache.get(connection.id)
        const entry =
          cached &&
          cached.connection === connection &&
          cached.problem === problem &&
          cached.selected === selected
            ? cached
            : { connection, problem, selected, edge: connectionEdge(connection, problem, selected) }
        next.set(connection.id, entry)
        out.push(entry.edge)
      }
      edgeCache = next
      return out
    },
  }
}

/** The data a routine node renders. */
export function routineData(
  routine: RoutineSpec,
  descriptor: RoutineTypeDescriptor | undefined,
  referenced: ReferencedPorts,
  problem: ProblemLevel | undefined,
): RoutineNodeData {
  const { slots, events } = portViews(routine, descriptor, referenced)
  const style = typeStyle(descriptor)
  return {
    routine,
    typeTitle: descriptor?.title ?? routine.type,
    color: style.color,
    icon: style.icon,
    slots,
    events,
    unknownType: !descriptor || descriptor.placeholder === true,
    ...(routine.errorHandler && { errorStrategy: routine.errorHandler.strategy }),
    ...(problem && { problem }),
  }
}

/**
 * Sizes and handle positions come from the fixed node geometry, so React Flow never has to measure
 * a node before drawing its edges, and replacing a node object (a drag step) does not re-measure it.
 */
function routineNode(id: string, position: Point, data: RoutineNodeData, selected: boolean): RoutineNodeType {
  const height = routineNodeHeight(data.slots.length, data.events.length)
  return {
    id,
    type: 'routine',
    position,
    data,
    selected,
    width: NODE_WIDTH,
    height,
    measured: { width: NODE_WIDTH, height },
    handles: routineHandles(data),
  }
}

/** Handle boxes matching where RoutineNode draws them (centred on the node's left and right borders). */
export function routineHandles(data: Pick<RoutineNodeData, 'slots' | 'events'>): NodeHandle[] {
  const half = HANDLE_SIZE / 2
  const handles: NodeHandle[] = []
  data.slots.forEach((slot, i) => {
    handles.push({
      id: slotHandleId(slot.name),
      type: 'target',
      position: Position.Left,
      x: -half,
      y: portOffsetY(i) - half,
      width: HANDLE_SIZE,
      height: HANDLE_SIZE,
    })
  })
  data.events.forEach((event, i) => {
    handles.push({
      id: eventHandleId(event.name),
      type: 'source',
      position: Position.Right,
      x: NODE_WIDTH - half,
      y: portOffsetY(i) - half,
      width: HANDLE_SIZE,
      height: HANDLE_SIZE,
    })
  })
  return handles
}

function noteNode(note: NoteSpec, selected: boolean): NoteNodeType {
  return {
    id: noteNodeId(note.id),
    type: 'note',
    position: { x: note.x, y: note.y },
    data: { note },
    selected,
    width: note.width,
    height: note.height,
    measured: { width: note.width, height: note.height },
    zIndex: -1,
    dragHandle: '.note-drag',
  }
}

function connectionEdge(
  connection: ConnectionSpec,
  problem: ProblemLevel | undefined,
  selected: boolean,
): ConnectionEdgeType {
  return {
    id: connection.id,
    type: 'connection',
    source: connection.source.routine,
    target: connection.target.routine,
    sourceHandle: eventHandleId(connection.source.event),
    targetHandle: slotHandleId(connection.target.slot),
    selected,
    data: { connection, ...(problem && { problem }) },
  }
}
