/**
 * Opening and saving flow documents on disk. Reads never throw on bad content (problems and the raw
 * text come back instead); saves are atomic with a `.bak` of the previous version, refuse to overwrite
 * a file that changed on disk since it was read, and remove the document's draft only once the file
 * is safely written. Open documents are watched for changes made outside the studio.
 */
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { parseDocument } from '../../../engine/document/load'
import { DocumentProblemCode } from '../../../engine/document/problems'
import { createDocument, saveDocument } from '../../../engine/document/save'
import type { FlowDocument, Problem } from '../../../engine/document/types'
import { DOCUMENT_EXTENSION } from '../../../engine/document/types'
import { isRoutiluxError } from '../../../engine/errors'
import type { RoutineTypeDescriptor } from '../../../engine/routines/descriptor'
import type { OpenedDocument, RequestOf, SavedDocument } from '../../ipc/contract'
import { HostErrorCode } from '../../ipc/contract'
import { hostError } from '../../ipc/studio-error'
import { writeFileAtomic } from '../files/atomic-write'
import type { FsOps } from '../files/fs-ops'
import type { PathPolicy } from '../files/path-policy'
import type { DraftStore } from './draft-store'
import type { FileWatcher } from './file-watcher'
import { importPython } from './python-import'
import type { RecentFiles } from './recent-files'

/** Largest document file the studio reads. */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024
/** Raw text returned with an unparseable file is cut to this length. */
const MAX_RAW_TEXT = 1024 * 1024

export interface DocumentManagerOptions {
  readonly policy: PathPolicy
  readonly recent: RecentFiles
  readonly drafts: DraftStore
  readonly watcher: FileWatcher
  readonly descriptors: () => readonly RoutineTypeDescriptor[]
  readonly fs?: FsOps
  readonly now?: () => number
}

export class DocumentManager {
  readonly #o: DocumentManagerOptions

  constructor(options: DocumentManagerOptions) {
    this.#o = options
  }

  create(name = 'Untitled flow'): OpenedDocument {
    const id = `flow-${(this.#o.now ?? Date.now)().toString(36)}`
    return { path: null, name, document: createDocument(id, name), problems: [], modifiedAt: null }
  }

  async open(docPath: string): Promise<OpenedDocument> {
    const absolute = await this.#o.policy.resolve(docPath)
    const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error
      throw hostError(HostErrorCode.NOT_FOUND, `${docPath} does not exist (moved or deleted?)`)
    })
    if (!info.isFile()) throw hostError(HostErrorCode.NOT_FOUND, `Not a file: ${docPath}`)
    if (info.size > MAX_DOCUMENT_BYTES) {
      throw hostError(HostErrorCode.TOO_LARGE, `File of ${info.size} bytes exceeds ${MAX_DOCUMENT_BYTES}`)
    }
    const text = await readFile(absolute, 'utf8')
    const found = this.fromText(text, { path: this.#o.policy.toDocPath(absolute), name: nameOf(absolute) })
    // A Python flow opens converted, as an untitled document: saving must never write over it.
    const opened = found.problems.some((p) => p.code === DocumentProblemCode.PYTHON_PAYLOAD)
      ? importPython(text, basename(absolute), this.#o.descriptors())
      : found
    this.#o.policy.grant(absolute)
    await this.#o.recent.add(absolute, opened.name, this.#now())
    if (opened.path === null) return opened
    this.#o.watcher.watch(absolute, info.mtimeMs)
    return { ...opened, modifiedAt: info.mtimeMs }
  }

  /** Loads document text from any source (file, example, import) into an `OpenedDocument`. */
  fromText(text: string, where: { path: string | null; name: string }): OpenedDocument {
    const result = parseDocument(text, { descriptors: this.#o.descriptors() })
    if (result.document) {
      return {
        path: where.path,
        name: where.name,
        document: result.document,
        problems: result.problems,
        modifiedAt: null,
      }
    }
    return {
      path: where.path,
      name: where.name,
      document: null,
      problems: result.problems,
      text: text.length > MAX_RAW_TEXT ? text.slice(0, MAX_RAW_TEXT) : text,
      modifiedAt: null,
    }
  }

  async save(request: RequestOf<'document.save'>): Promise<SavedDocument> {
    const absolute = await this.#o.policy.resolve(request.path)
    if (request.expectedModifiedAt !== undefined && request.expectedModifiedAt !== null) {
      const current = await stat(absolute).then(
        (s) => s.mtimeMs,
        () => null,
      )
      if (current !== null && current !== request.expectedModifiedAt) {
        throw hostError(
          HostErrorCode.FILE_CONFLICT,
          `${basename(absolute)} changed on disk since it was opened`,
          {
            modifiedAt: current,
          },
        )
      }
    }
    return this.#write(absolute, request.document, request.draftId)
  }

  async saveAs(request: RequestOf<'document.saveAs'>): Promise<SavedDocument> {
    const absolute = await this.#o.policy.resolve(request.path)
    const existing = await stat(absolute).catch(() => undefined)
    if (existing?.isDirectory()) {
      throw hostError(HostErrorCode.IO_ERROR, `${basename(absolute)} is a folder; choose another name`)
    }
    if (existing && request.overwrite !== true) {
      throw hostError(HostErrorCode.FILE_EXISTS, `${basename(absolute)} already exists`)
    }
    return this.#write(absolute, request.document, request.draftId)
  }

  async close(docPath: string): Promise<void> {
    this.#o.watcher.unwatch(await this.#o.policy.resolve(docPath))
  }

  /** Validation problems of a document with the current registry. */
  validate(document: FlowDocument): Problem[] {
    return parseDocument(JSON.stringify(document), { descriptors: this.#o.descriptors() }).problems
  }

  /** Writes an export (D2 text, SVG) atomically; returns its document path. */
  async writeExport(docPath: string, content: string): Promise<string> {
    const absolute = await this.#o.policy.resolve(docPath)
    await writeFileAtomic(absolute, content, this.#o.fs ? { fs: this.#o.fs } : {})
    this.#o.policy.grant(absolute)
    return this.#o.policy.toDocPath(absolute)
  }

  /** Reads a saved file's text for draft comparison; undefined when unreadable. */
  async readSaved(docPath: string): Promise<string | undefined> {
    try {
      return await readFile(await this.#o.policy.resolve(docPath), 'utf8')
    } catch (error) {
      // A missing, unreadable or no longer allowed file simply has no saved text to compare with.
      if (isRoutiluxError(error) || (error as NodeJS.ErrnoException).code !== undefined) return undefined
      throw error
    }
  }

  async #write(
    absolute: string,
    document: FlowDocument,
    draftId: string | undefined,
  ): Promise<SavedDocument> {
    // Replacing the file by a rename would succeed whatever its permissions: honour read-only here.
    const existing = await stat(absolute).catch(() => undefined)
    if (existing?.isFile() && (existing.mode & 0o200) === 0) {
      throw hostError(
        HostErrorCode.FORBIDDEN,
        `${basename(absolute)} is read-only; save it under another name`,
      )
    }
    // Stop watching while writing so the studio's own rename is not reported as an outside change.
    const known = this.#o.watcher.unwatch(absolute)
    try {
      await writeFileAtomic(absolute, saveDocument(document), {
        backup: true,
        ...(this.#o.fs && { fs: this.#o.fs }),
      })
    } catch (error) {
      // The file is as it was: keep noticing changes made to it outside the studio.
      if (known !== undefined) this.#o.watcher.watch(absolute, known)
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw hostError(
          HostErrorCode.NOT_FOUND,
          `The folder of ${basename(absolute)} no longer exists; save it somewhere else`,
        )
      }
      throw error
    }
    const modifiedAt = (await stat(absolute)).mtimeMs
    this.#o.policy.grant(absolute)
    this.#o.watcher.watch(absolute, modifiedAt)
    const name = nameOf(absolute)
    await this.#o.recent.add(absolute, name, this.#now())
    if (draftId !== undefined) await this.#o.drafts.discard(draftId)
    return { path: this.#o.policy.toDocPath(absolute), name, modifiedAt, problems: this.validate(document) }
  }

  #now(): number {
    return (this.#o.now ?? Date.now)()
  }
}

/** File name without the `.routilux.json` (or `.json`) extension. */
export function nameOf(absolute: string): string {
  const base = basename(absolute)
  if (base.endsWith(DOCUMENT_EXTENSION)) return base.slice(0, -DOCUMENT_EXTENSION.length)
  return base.endsWith('.json') ? base.slice(0, -'.json'.length) : base
}
