/**
 * Whether the canvas is zoomed out into low detail. The canvas reads it from React Flow once and
 * hands it down, so thousands of nodes and edges do not each run a selector on every pan frame.
 */
import { createContext, useContext } from 'react'

export const LowDetailContext = createContext(false)

export function useLowDetail(): boolean {
  return useContext(LowDetailContext)
}
