/**
 * What the WebSocket bridge does with a call whose answer was lost to a disconnect: `retry` sends it
 * again after reconnecting (reads and idempotent writes), `reject` fails it with `DISCONNECTED`
 * because repeating it could act twice (start a job, save over a newer file).
 */
import type { MethodName } from '../../../electron/ipc/contract'

export type RetryPolicy = 'retry' | 'reject'

/** One decision per contract method; a new method does not compile until it is listed here. */
export const RETRY_POLICY: Readonly<Record<MethodName, RetryPolicy>> = {
  'app.info': 'retry',
  'app.setDocumentState': 'retry',
  'registry.describe': 'retry',
  'registry.reloadPlugins': 'retry',
  'document.new': 'retry',
  'document.open': 'retry',
  'document.save': 'reject',
  'document.saveAs': 'reject',
  'document.close': 'retry',
  'document.validate': 'retry',
  'document.analyze': 'retry',
  'document.importPython': 'retry',
  'document.listExamples': 'retry',
  'document.openExample': 'retry',
  'document.recent': 'retry',
  'document.clearRecent': 'retry',
  'workspace.list': 'retry',
  'workspace.createFolder': 'retry',
  'dialog.open': 'reject',
  'dialog.save': 'reject',
  'draft.put': 'retry',
  'draft.list': 'retry',
  'draft.recover': 'retry',
  'draft.discard': 'retry',
  'd2.export': 'retry',
  'd2.render': 'retry',
  'd2.save': 'retry',
  'job.start': 'reject',
  'job.pause': 'reject',
  'job.resume': 'reject',
  'job.cancel': 'reject',
  'job.list': 'retry',
  'job.get': 'retry',
  'job.history': 'retry',
  'job.events': 'retry',
  'job.timeline': 'retry',
  'job.clearFinished': 'retry',
  'snapshot.save': 'retry',
  'snapshot.list': 'retry',
  'snapshot.load': 'retry',
  'snapshot.restore': 'reject',
  'metrics.text': 'retry',
  'metrics.endpoint': 'retry',
  'metrics.setEndpoint': 'retry',
}

/** The policy for a method name (unknown names are rejected, never repeated). */
export function retryPolicyOf(method: string): RetryPolicy {
  return Object.hasOwn(RETRY_POLICY, method) ? (RETRY_POLICY[method as MethodName] ?? 'reject') : 'reject'
}
