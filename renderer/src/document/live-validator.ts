/**
 * Document validation for the editor: in a worker when the platform has workers (the browser, the
 * desktop app), in-line otherwise (unit tests). Only the latest request's answer counts.
 */
import type { FlowDocument, Problem } from '../../../engine/document/types'
import type { RoutineTypeDescriptor } from '../../../engine/routines/descriptor'
import type { ValidationRequest, ValidationResponse } from './validation.worker'

export interface LiveValidator {
  /** Problems of `doc`; resolves `undefined` when a newer request superseded this one. */
  validate(doc: FlowDocument, descriptors: readonly RoutineTypeDescriptor[]): Promise<Problem[] | undefined>
}

/** Validates in the calling thread (the checks load on first use: the worker has its own copy). */
export function inlineValidator(): LiveValidator {
  return {
    async validate(doc, descriptors) {
      const { checkFlow } = await import('./check-flow')
      return checkFlow(doc, descriptors)
    },
  }
}

interface Waiting {
  readonly doc: FlowDocument
  readonly descriptors: readonly RoutineTypeDescriptor[]
  readonly resolve: (problems: Problem[] | undefined) => void
}

/** Validates in a dedicated worker; if the worker fails, validation continues in-line. */
export function workerValidator(): LiveValidator {
  const fallback = inlineValidator()
  const waiting = new Map<number, Waiting>()
  let worker: Worker | undefined
  let broken = false
  let seq = 0
  let sentDescriptors: readonly RoutineTypeDescriptor[] | undefined

  /** Answers every request up to `answered`; only the newest one gets problems, older ones are stale. */
  const settle = (answered: number, problems: Problem[] | undefined) => {
    for (const [id, entry] of waiting) {
      if (id > answered) continue
      waiting.delete(id)
      entry.resolve(id === seq ? problems : undefined)
    }
  }

  const start = (): Worker => {
    const w = new Worker(new URL('./validation.worker.ts', import.meta.url), { type: 'module' })
    w.onmessage = (event: MessageEvent<ValidationResponse>) => settle(event.data.seq, event.data.problems)
    w.onerror = (event) => {
      event.preventDefault()
      broken = true
      w.terminate()
      const latest = waiting.get(seq)
      waiting.clear()
      if (latest) void fallback.validate(latest.doc, latest.descriptors).then(latest.resolve)
    }
    return w
  }

  return {
    validate(doc, descriptors) {
      if (broken) return fallback.validate(doc, descriptors)
      worker ??= start()
      seq += 1
      const request: ValidationRequest = { seq, doc, ...(descriptors !== sentDescriptors && { descriptors }) }
      sentDescriptors = descriptors
      return new Promise((resolve) => {
        waiting.set(seq, { doc, descriptors, resolve })
        worker?.postMessage(request)
      })
    },
  }
}

/** The validator for this platform: a worker where there are workers (not in unit tests). */
export function createLiveValidator(): LiveValidator {
  return typeof Worker === 'function' ? workerValidator() : inlineValidator()
}
