/**
 * An output event of a routine. `outputParams` documents the payload keys; it is not enforced
 * (as in Routilux).
 */

/** A named output of a routine. */
export class Event {
  readonly name: string
  readonly outputParams: readonly string[]

  constructor(name: string, outputParams: readonly string[] = []) {
    this.name = name
    this.outputParams = [...outputParams]
  }
}
