/**
 * Repetition protocol of workloads.md §1.5: warm-ups, measured repetitions, a full GC between
 * repetitions (untimed), medians with min and max.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/** Median, min and max of a list of samples. */
export interface Summary {
  readonly median: number
  readonly min: number
  readonly max: number
  readonly samples: readonly number[]
}

/** Summarises samples; an empty list gives NaN everywhere. */
export function summarise(samples: readonly number[]): Summary {
  if (samples.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, samples }
  const sorted = [...samples].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number, samples }
}

let cachedGc: (() => void) | undefined

/** A full, synchronous garbage collection (exposes V8's `gc` at run time when the flag was not given). */
export function fullGc(): void {
  if (cachedGc === undefined) {
    const existing = (globalThis as { gc?: () => void }).gc
    if (typeof existing === 'function') cachedGc = existing
    else {
      setFlagsFromString('--expose-gc')
      cachedGc = runInNewContext('gc') as () => void
    }
  }
  cachedGc()
}

/** Lets pending timers and immediates run, so the engine is idle before the next repetition. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1))
}

/** How many warm-ups and measured repetitions a case runs. */
export interface Repetitions {
  readonly warmups: number
  readonly measured: number
  /** Full GC before each repetition (the protocol; `--no-gc` turns it off to see a warm heap). */
  readonly gc: boolean
}

/**
 * Runs `once` warm-ups + measured times with a GC and an idle wait before each, and returns the
 * measured results (whatever `once` returns: usually a record of timings).
 */
export async function repeat<T>(reps: Repetitions, once: () => Promise<T>): Promise<T[]> {
  const results: T[] = []
  for (let i = 0; i < reps.warmups + reps.measured; i++) {
    if (reps.gc) fullGc()
    await settle()
    const result = await once()
    if (i >= reps.warmups) results.push(result)
  }
  return results
}

/** Median of one field over a list of records. */
export function medianOf<T>(rows: readonly T[], pick: (row: T) => number): Summary {
  return summarise(rows.map(pick))
}

/**
 * Like `repeat`, but runs one repetition of every case in turn (round-robin), so slow drift (JIT
 * tier-up, other load on the machine) affects every case alike. Returns the measured results per case.
 */
export async function repeatInterleaved<T>(
  reps: Repetitions,
  cases: readonly (() => Promise<T>)[],
): Promise<T[][]> {
  const results: T[][] = cases.map(() => [])
  for (let i = 0; i < reps.warmups + reps.measured; i++) {
    for (let c = 0; c < cases.length; c++) {
      if (reps.gc) fullGc()
      await settle()
      const result = await (cases[c] as () => Promise<T>)()
      if (i >= reps.warmups) results[c]?.push(result)
    }
  }
  return results
}
