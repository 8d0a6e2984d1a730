/**
 * The live progress line of `routilux run` on a terminal: deliveries finished out of those queued,
 * retries scheduled, deliveries that failed for good, elapsed time. Redrawn at most ten times a
 * second on one line, cleared when the run ends.
 */
import type { ExecutionEvent } from '../../events'
import type { CliStream } from './io'

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']

/** What the line shows, counted from the execution events of the run's job. */
export interface ProgressCounts {
  /** Deliveries queued (a retry or a delivery restored from a snapshot is not a new one). */
  queued: number
  /** Deliveries finished for good: completed, or failed with no retry to follow. */
  finished: number
  /** Retries scheduled. */
  retries: number
  /** Deliveries whose last attempt failed (continued, skipped or stopped). */
  failed: number
}

/** Counts execution events and draws them; `stop()` clears the line. */
export class ProgressLine {
  /** The counts drawn so far (read by tests). */
  readonly counts: ProgressCounts = { queued: 0, finished: 0, retries: 0, failed: 0 }
  private frame = 0
  private readonly started = performance.now()
  private readonly timer: ReturnType<typeof setInterval>

  constructor(private readonly stream: CliStream) {
    this.timer = setInterval(() => this.draw(), 100)
    this.timer.unref?.()
  }

  /** Feeds one execution event; subscribe before the job starts so its entry delivery is counted. */
  readonly onEvent = (event: ExecutionEvent): void => {
    const counts = this.counts
    if (event.type === 'deliveryQueued') {
      // A due retry is queued again under its delivery's id with a higher attempt number.
      if (event.attempt === 1) counts.queued++
    } else if (event.type === 'routineCompleted') counts.finished++
    else if (event.type === 'routineFailed') {
      if (event.resolution === 'retry') return
      counts.finished++
      counts.failed++
    } else if (event.type === 'retryScheduled') counts.retries++
  }

  /** Stops redrawing and clears the line. */
  stop(): void {
    clearInterval(this.timer)
    this.stream.write('\r\u001b[K')
  }

  private draw(): void {
    const { queued, finished, retries, failed } = this.counts
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1)
    const spinner = FRAMES[this.frame++ % FRAMES.length]
    const extra = `${plural(retries, 'retry', 'retries')}${plural(failed, 'failed', 'failed')}`
    this.stream.write(
      `\r\u001b[K${spinner} running · ${finished}/${queued} deliveries${extra} · ${seconds} s`,
    )
  }
}

function plural(n: number, one: string, many: string): string {
  return n === 0 ? '' : ` · ${n} ${n === 1 ? one : many}`
}
