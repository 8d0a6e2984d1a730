/**
 * The live progress line of `routilux run` on a terminal: deliveries queued and finished, routines
 * failed, elapsed time. Redrawn at most ten times a second on one line, cleared when the run ends.
 */
import type { ExecutionEvent } from '../../events'
import type { CliStream } from './io'

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']

/** Counts execution events and draws them; `stop()` clears the line. */
export class ProgressLine {
  private queued = 0
  private finished = 0
  private failed = 0
  private frame = 0
  private readonly started = performance.now()
  private readonly timer: ReturnType<typeof setInterval>

  constructor(private readonly stream: CliStream) {
    this.timer = setInterval(() => this.draw(), 100)
    this.timer.unref?.()
  }

  /** Feeds one execution event. */
  readonly onEvent = (event: ExecutionEvent): void => {
    if (event.type === 'deliveryQueued') this.queued++
    else if (event.type === 'routineCompleted') this.finished++
    else if (event.type === 'routineFailed') {
      this.finished++
      this.failed++
    }
  }

  /** Stops redrawing and clears the line. */
  stop(): void {
    clearInterval(this.timer)
    this.stream.write('\r\u001b[K')
  }

  private draw(): void {
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1)
    const spinner = FRAMES[this.frame++ % FRAMES.length]
    const failed = this.failed > 0 ? ` · ${this.failed} failed` : ''
    this.stream.write(
      `\r\u001b[K${spinner} running · ${this.finished}/${this.queued} deliveries${failed} · ${seconds} s`,
    )
  }
}
