/**
 * A wire from one routine's event to another routine's slot, addressed by flow routine ids (never by
 * names alone, so graphs with repeated port names stay exact).
 */

/** One event → slot wire inside a flow. */
export class Connection {
  readonly id: string
  readonly sourceId: string
  readonly event: string
  readonly targetId: string
  readonly slot: string

  constructor(id: string, sourceId: string, event: string, targetId: string, slot: string) {
    this.id = id
    this.sourceId = sourceId
    this.event = event
    this.targetId = targetId
    this.slot = slot
  }
}
