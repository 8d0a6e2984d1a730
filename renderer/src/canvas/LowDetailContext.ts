/**
 * How much detail nodes and edges draw: `full`; `low` when zoomed out (no port names, badges or
 * shadows); `minimal` when a large flow is zoomed out (title only, no port rows; connections are
 * drawn on the canvas layer, and routines are measured again on the way back, useRemeasureHandles). The canvas
 * reads the zoom from React Flow once and hands this down, so thousands of nodes and edges do not
 * each run a selector on every pan frame.
 */
import { createContext, useContext } from 'react'

export type Detail = 'full' | 'low' | 'minimal'

export const DetailContext = createContext<Detail>('full')

export function useDetail(): Detail {
  return useContext(DetailContext)
}
