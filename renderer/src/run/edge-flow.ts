/**
 * How a connection with traffic moves: its dashes step along with every update the stream brings,
 * instead of a CSS animation repainting every edge on every frame (which costs the whole canvas its
 * frame rate when many connections are busy).
 */
import type { ConnectionOverlay } from './job-track'

/** Length of one dash plus gap of a flowing connection (see overlay.css). */
export const DASH_PERIOD = 10

/** The dash offset of a flowing connection, or undefined when it is quiet. */
export function flowDashOffset(live: ConnectionOverlay | undefined): number | undefined {
  if (!live?.flowing || live.lastDeliveredAt === null) return undefined
  // One step per batch interval (about 33 ms) of host time: the dashes advance with each batch.
  return -((Math.floor(live.lastDeliveredAt / 33) % 4) * (DASH_PERIOD / 4))
}
