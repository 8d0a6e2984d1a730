/** The path of a connection from a routine back into itself, drawn around the node's bottom. */

/** Distance from the node's bottom edge, and how far the loop reaches out past the ports. */
const BELOW = 28
const OUT = 40

/**
 * A loop from the event at (sx, sy) on the right, under the node (whose bottom edge is at `bottom`),
 * into the slot at (tx, ty) on the left; a bezier between them would run hidden behind the node.
 * Returns the SVG path and its label point.
 */
export function selfLoopPath(
  sx: number,
  sy: number,
  tx: number,
  ty: number,
  bottom: number,
): [path: string, labelX: number, labelY: number] {
  const y = Math.max(bottom, sy, ty) + BELOW
  const path = [
    `M ${sx},${sy}`,
    `C ${sx + OUT},${sy} ${sx + OUT},${y} ${sx},${y}`,
    `L ${tx},${y}`,
    `C ${tx - OUT},${y} ${tx - OUT},${ty} ${tx},${ty}`,
  ].join(' ')
  return [path, (sx + tx) / 2, y]
}
