/**
 * Deliveries parked on a timer: retries waiting out their delay and deliveries scheduled with
 * `ctx.defer`. A parked delivery stays counted in its job's in-flight total, so the job cannot
 * complete before it has run; its timer keeps running while the job is paused (the due delivery then
 * waits in the parked list for resume); snapshots carry it with its due time; cancel and failure drop
 * it with its timer (`job-control`).
 */
import { isTerminal } from '../job-state'
import { clock } from './clock'
import { requeue } from './job-control'
import { type Delivery, QUEUED, WAITING } from './state'

/** Longest delay a timer can wait: beyond it `setTimeout` would fire at once. Longer waits are capped to it. */
export const MAX_TIMER_DELAY_MS = 2_147_483_647

/** Parks an already counted delivery `d` on a timer of `delayMs`; when due it is queued like any other. */
export function waitOnTimer(d: Delivery, delayMs: number): void {
  const delay = Math.min(delayMs, MAX_TIMER_DELAY_MS)
  d.state = WAITING
  d.dueAt = Date.now() + delay
  const run = d.run
  if (run.waiting === undefined) run.waiting = new Set()
  run.waiting.add(d)
  d.timer = setTimeout(onDue, delay, d)
}

function onDue(d: Delivery): void {
  d.timer = undefined
  const run = d.run
  if (run.waiting?.delete(d) !== true || isTerminal(run.core.status)) return
  d.state = QUEUED
  requeue(d, clock.now())
}
