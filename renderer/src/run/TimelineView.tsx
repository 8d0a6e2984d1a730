/**
 * The timeline (Gantt) of the job's routine executions: one row per routine, one bar per handler
 * run (the host keeps the most recent 5,000), coloured by outcome. Drawn on a canvas so thousands of
 * bars cost one paint; refreshed every second while the job runs.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import type { TimelineSpan } from '../../../electron/ipc/contract'
import { errorMessage } from '../store/files-slice'
import { useStudioStore } from '../store/StoreProvider'
import { useStudio } from '../store/useStudio'
import { formatDuration } from './format'
import { selectFocusRunning, selectRoutineIds } from './run-selectors'
import { layoutTimeline, spanAt, type TimelineLayout } from './timeline-layout'

const ROW = 20
const LABEL_WIDTH = 150
const REFRESH_MS = 1000

export function TimelineView({ jobId }: { jobId: string }) {
  const store = useStudioStore()
  const running = useStudio(selectFocusRunning)
  const routines = useStudio(selectRoutineIds)
  const [spans, setSpans] = useState<readonly TimelineSpan[]>([])
  const [error, setError] = useState<string | null>(null)
  const [hover, setHover] = useState<{ x: number; y: number; span: TimelineSpan } | null>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const order = useMemo(() => routines.map((r) => r.id), [routines])
  const layout = useMemo(() => layoutTimeline(spans, order, Date.now()), [spans, order])

  useEffect(() => {
    let cancelled = false
    const load = () =>
      store
        .getState()
        .loadTimeline(jobId)
        .then((next) => {
          if (cancelled) return
          setSpans(next)
          setError(null)
        })
        .catch((e) => !cancelled && setError(errorMessage(e)))
    void load()
    const timer = running ? setInterval(load, REFRESH_MS) : undefined
    return () => {
      cancelled = true
      clearInterval(timer)
    }
  }, [store, jobId, running])

  useEffect(() => {
    const element = canvas.current
    if (element) draw(element, layout)
  }, [layout])

  const onMove = (event: React.MouseEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect()
    const x = event.clientX - rect.left
    const width = rect.width
    const row = Math.floor((event.clientY - rect.top) / ROW)
    const scale = (layout.end - layout.start) / Math.max(1, width)
    const span = spanAt(layout, x * scale, row, 3 * scale)
    setHover(span ? { x: event.clientX - rect.left + LABEL_WIDTH, y: (row + 1) * ROW, span } : null)
  }

  if (error) return <p className="field-error run-empty">{error}</p>
  return (
    <div className="run-timeline run-scroll" data-testid="timeline" data-spans={spans.length}>
      {spans.length === 0 ? (
        <p className="muted run-empty">No routine has run yet.</p>
      ) : (
        <>
          <div className="timeline-axis">
            <span>0</span>
            <span>{formatDuration(layout.end - layout.start)}</span>
          </div>
          <div className="timeline-body" style={{ height: layout.rows.length * ROW }}>
            <div className="timeline-labels" style={{ width: LABEL_WIDTH }}>
              {layout.rows.map((id) => (
                <div key={id} className="timeline-label" style={{ height: ROW }} title={id}>
                  {id}
                </div>
              ))}
            </div>
            <canvas
              ref={canvas}
              className="timeline-canvas"
              onMouseMove={onMove}
              onMouseLeave={() => setHover(null)}
            />
            {hover && (
              <div className="timeline-tip" style={{ left: hover.x + 12, top: hover.y }}>
                <strong>{hover.span.routineId}</strong> · {hover.span.outcome}
                {hover.span.attempt > 1 && ` · attempt ${hover.span.attempt}`}
                <br />
                {formatDuration((hover.span.end ?? Date.now()) - hover.span.start)} (delivery #
                {hover.span.deliveryId})
              </div>
            )}
          </div>
        </>
      )}
    </div>
  )
}

function draw(element: HTMLCanvasElement, layout: TimelineLayout): void {
  const ratio = window.devicePixelRatio || 1
  const width = element.clientWidth
  const height = layout.rows.length * ROW
  element.width = Math.max(1, Math.floor(width * ratio))
  element.height = Math.max(1, Math.floor(height * ratio))
  element.style.height = `${height}px`
  const ctx = element.getContext('2d')
  if (!ctx) return
  ctx.scale(ratio, ratio)
  const styles = getComputedStyle(element)
  const colour = {
    completed: styles.getPropertyValue('--success').trim() || '#1f9d57',
    failed: styles.getPropertyValue('--danger').trim() || '#d33c3c',
    running: styles.getPropertyValue('--accent-strong').trim() || '#2f6fed',
    grid: styles.getPropertyValue('--border').trim() || '#ddd',
  }
  const rowIndex = new Map(layout.rows.map((id, i) => [id, i]))
  const scale = width / Math.max(1, layout.end - layout.start)
  ctx.fillStyle = colour.grid
  for (let i = 1; i < layout.rows.length; i++) ctx.fillRect(0, i * ROW, width, 1)
  for (const span of layout.spans) {
    const row = rowIndex.get(span.routineId)
    if (row === undefined) continue
    const x = (span.start - layout.start) * scale
    const w = Math.max(1.5, ((span.end ?? layout.end) - span.start) * scale)
    ctx.fillStyle = colour[span.outcome]
    ctx.globalAlpha = span.attempt > 1 ? 0.65 : 1
    ctx.fillRect(x, row * ROW + 4, w, ROW - 8)
  }
  ctx.globalAlpha = 1
}
