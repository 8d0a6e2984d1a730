/** A fresh, empty flow document for the editor: the engine's document skeleton with a random id. */
import { createDocument } from '../../../engine/document/save'
import type { FlowDocument } from '../../../engine/document/types'

/** An empty sequential flow named `name`; `id` defaults to a random one. */
export function emptyDocument(name = 'Untitled flow', id = randomFlowId()): FlowDocument {
  return createDocument(id, name)
}

function randomFlowId(): string {
  const bytes = new Uint8Array(4)
  crypto.getRandomValues(bytes)
  return `flow_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}
