/**
 * Routines mounted while the view was at minimal detail were measured without their port rows, so
 * React Flow holds no handle positions for them and would draw none of their connections. When the
 * view comes back from minimal detail, have every mounted routine measured again.
 */
import { useUpdateNodeInternals } from '@xyflow/react'
import { type RefObject, useEffect, useRef } from 'react'
import type { Detail } from './LowDetailContext'

export function useRemeasureHandles(detail: Detail, canvas: RefObject<HTMLElement | null>): void {
  const updateNodeInternals = useUpdateNodeInternals()
  const previous = useRef(detail)
  useEffect(() => {
    const was = previous.current
    previous.current = detail
    const root = canvas.current
    if (was !== 'minimal' || detail === 'minimal' || !root) return
    const ids = Array.from(root.querySelectorAll('.react-flow__node'), (e) => e.getAttribute('data-id') ?? '')
    updateNodeInternals(ids.filter((id) => id !== ''))
  }, [detail, canvas, updateNodeInternals])
}
