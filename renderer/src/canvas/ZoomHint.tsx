/**
 * Shown while a large flow is zoomed out so far that its connections are drawn as one picture and
 * routines without their ports: nothing there can be clicked or wired, so say so and offer the zoom
 * at which editing works again.
 */
import { Panel, useReactFlow } from '@xyflow/react'
import { LOW_DETAIL_ZOOM } from './selectors'

/** A zoom just past the level of detail, so ports and connections come back. */
const EDIT_ZOOM = Math.round((LOW_DETAIL_ZOOM + 0.05) * 100) / 100

export function ZoomHint() {
  const flow = useReactFlow()
  return (
    <Panel position="top-center" className="zoom-hint" data-testid="zoom-hint">
      <span>Zoomed out: connections and ports cannot be selected or drawn here.</span>
      <button
        type="button"
        className="button small"
        onClick={() => void flow.zoomTo(EDIT_ZOOM, { duration: 200 })}
        data-testid="zoom-hint-zoom"
      >
        Zoom to {Math.round(EDIT_ZOOM * 100)} %
      </button>
    </Panel>
  )
}
