/**
 * The sandbox worker's source text survives bundling: the built app is an ES-module bundle that
 * rewrites `require(...)` to a module-level `__require(...)` helper, which the extracted text does not
 * carry, so the worker must still start from such text.
 */
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { CONTEXT_BOOTSTRAP } from './context-bootstrap'
import { sandboxWorkerSource } from './sandbox-worker'

function firstMessage(source: string): Promise<unknown> {
  const worker = new Worker(source, { eval: true, workerData: { bootstrap: CONTEXT_BOOTSTRAP } })
  return new Promise<unknown>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  }).finally(() => worker.terminate())
}

describe('sandbox worker source', () => {
  it('starts as written', async () => {
    expect(await firstMessage(sandboxWorkerSource())).toEqual({ kind: 'ready' })
  })

  it('starts when a bundler renamed require to __require', async () => {
    const bundled = sandboxWorkerSource().replace(/\brequire\((['"])node:/g, '__require($1node:')
    expect(bundled).toMatch(/__require\(['"]node:worker_threads['"]\)/)
    expect(await firstMessage(bundled)).toEqual({ kind: 'ready' })
  })
})
