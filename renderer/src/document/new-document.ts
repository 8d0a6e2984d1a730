/** A fresh, empty flow document. */
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, type FlowDocument } from '../../../engine/document/types'

/** An empty sequential flow named `name`; `id` defaults to a random one. */
export function createDocument(name = 'Untitled flow', id = randomFlowId()): FlowDocument {
  return {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    id,
    name,
    description: '',
    execution: { mode: 'sequential' },
    routines: [],
    connections: [],
    layout: { positions: {} },
    notes: [],
  }
}

function randomFlowId(): string {
  const bytes = new Uint8Array(4)
  crypto.getRandomValues(bytes)
  return `flow_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}
