/**
 * A file system that "crashes" at a chosen step of a safe write: the step and every later operation
 * fail, as if the process had died there (so not even cleanup code runs). Tests then start afresh
 * on the same folders and check that nothing was lost.
 */
import type { FsOps } from '../files/fs-ops'
import { nodeFs } from '../files/fs-ops'

export type CrashPoint = 'open' | 'rename' | 'copyFile' | 'unlink'

/** The error thrown by every operation from the crash on. */
export class SimulatedCrash extends Error {
  constructor(step: string) {
    super(`simulated crash at ${step}`)
    this.name = 'SimulatedCrash'
  }
}

/** Node's file system, dying at the `nth` call (1-based) of operation `at`. */
export function crashingFs(at: CrashPoint, nth = 1): FsOps & { readonly crashed: boolean } {
  let calls = 0
  let crashed = false
  const guard =
    <A extends unknown[], R>(name: string, op: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      if (crashed) return Promise.reject(new SimulatedCrash(`${name} after the crash`))
      if (name === at && ++calls === nth) {
        crashed = true
        return Promise.reject(new SimulatedCrash(name))
      }
      return op(...args)
    }
  return {
    get crashed() {
      return crashed
    },
    open: guard('open', nodeFs.open),
    rename: guard('rename', nodeFs.rename),
    copyFile: guard('copyFile', nodeFs.copyFile),
    unlink: guard('unlink', nodeFs.unlink),
    mkdir: guard('mkdir', nodeFs.mkdir),
  }
}
