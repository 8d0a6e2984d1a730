/**
 * Autosaved drafts of unsaved work, one file per draft in `<app-data>/drafts/`. Each draft records
 * the run of the app that wrote it; drafts from an earlier run (the app crashed or was killed) are
 * offered for recovery at the next start. A draft whose content equals the saved file (the crash came
 * after the save but before the draft was removed) is dropped silently.
 */
import { unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { FlowDocument } from '../../../engine/document/types'
import type { DraftInfo, RequestOf } from '../../ipc/contract'
import { HostErrorCode } from '../../ipc/contract'
import { flowDocumentSchema } from '../../ipc/schemas'
import { hostError } from '../../ipc/studio-error'
import type { FsOps } from '../files/fs-ops'
import { isMissing, listFolder, readTextIfPresent } from '../files/if-present'
import { writeJsonFile } from '../files/json-file'
import { safeFileId } from '../files/safe-name'
import { sweepTempFiles } from '../files/temp-sweep'

const draftFileSchema = z.object({
  format: z.literal('routilux-draft'),
  version: z.literal(1),
  draftId: z.string(),
  path: z.string().nullable(),
  name: z.string(),
  savedAt: z.number(),
  baseModifiedAt: z.number().nullable(),
  runId: z.string(),
  document: flowDocumentSchema,
})
type DraftFile = Omit<z.infer<typeof draftFileSchema>, 'document'> & { document: FlowDocument }

export interface DraftStoreOptions {
  readonly dir: string
  /** Id of this run of the app. */
  readonly runId: string
  /** Serialises a document exactly as a save writes it. */
  readonly serialize: (document: FlowDocument) => string
  /** Reads the saved file of a draft's path; undefined when it cannot be read. */
  readonly readSaved: (path: string) => Promise<string | undefined>
  /**
   * The document paths drafts may name: checked when a draft is written (so a page cannot plant a
   * path it was never allowed), and granted again when drafts are read back after a restart.
   */
  readonly paths?: { check(path: string): Promise<unknown>; grant(path: string): void }
  readonly fs?: FsOps
  readonly now?: () => number
  readonly onProblem?: (message: string) => void
}

export class DraftStore {
  readonly #options: DraftStoreOptions

  constructor(options: DraftStoreOptions) {
    this.#options = options
  }

  /** Sweeps interrupted writes and returns the drafts an earlier run left behind. */
  async recoverable(): Promise<DraftInfo[]> {
    await sweepTempFiles(this.#options.dir)
    const offered: DraftInfo[] = []
    for (const draft of await this.#readAll()) {
      if (draft.path !== null) this.#options.paths?.grant(draft.path)
      if (draft.runId === this.#options.runId) continue
      if (
        draft.path !== null &&
        (await this.#options.readSaved(draft.path)) === this.#options.serialize(draft.document)
      ) {
        await this.discard(draft.draftId)
        continue
      }
      offered.push(this.#info(draft))
    }
    return offered
  }

  async put(request: RequestOf<'draft.put'>): Promise<DraftInfo> {
    const draftId = safeFileId(request.draftId, 'draftId')
    if (request.path !== null) await this.#options.paths?.check(request.path)
    const file: DraftFile = {
      format: 'routilux-draft',
      version: 1,
      draftId,
      path: request.path,
      name: request.name,
      savedAt: (this.#options.now ?? Date.now)(),
      baseModifiedAt: request.baseModifiedAt ?? null,
      runId: this.#options.runId,
      document: request.document,
    }
    await writeJsonFile(this.#file(draftId), file, this.#options.fs)
    return this.#info(file)
  }

  async list(): Promise<DraftInfo[]> {
    return (await this.#readAll()).map((draft) => this.#info(draft)).sort((a, b) => b.savedAt - a.savedAt)
  }

  async recover(draftId: string): Promise<{ draft: DraftInfo; document: FlowDocument }> {
    const draft = await this.#read(this.#file(safeFileId(draftId, 'draftId')))
    if (!draft) throw hostError(HostErrorCode.NOT_FOUND, `No draft ${draftId}`)
    return { draft: this.#info(draft), document: draft.document }
  }

  async discard(draftId: string): Promise<void> {
    try {
      await unlink(this.#file(safeFileId(draftId, 'draftId')))
    } catch (error) {
      if (!isMissing(error)) throw error
    }
  }

  #file(draftId: string): string {
    return join(this.#options.dir, `${draftId}.json`)
  }

  #info(draft: DraftFile): DraftInfo {
    return {
      draftId: draft.draftId,
      path: draft.path,
      name: draft.name,
      savedAt: draft.savedAt,
      baseModifiedAt: draft.baseModifiedAt,
      fromPreviousRun: draft.runId !== this.#options.runId,
    }
  }

  async #readAll(): Promise<DraftFile[]> {
    const names = await listFolder(this.#options.dir)
    const drafts: DraftFile[] = []
    for (const name of names) {
      if (!name.endsWith('.json') || name.startsWith('.')) continue
      const draft = await this.#read(join(this.#options.dir, name))
      if (draft) drafts.push(draft)
    }
    return drafts
  }

  async #read(path: string): Promise<DraftFile | undefined> {
    const text = await readTextIfPresent(path)
    if (text === undefined) return undefined
    try {
      const parsed = draftFileSchema.safeParse(JSON.parse(text))
      if (parsed.success) return parsed.data
      this.#options.onProblem?.(`Ignoring malformed draft ${path}: ${parsed.error.issues[0]?.message}`)
    } catch (error) {
      this.#options.onProblem?.(`Ignoring unreadable draft ${path}: ${String(error)}`)
    }
    return undefined
  }
}
